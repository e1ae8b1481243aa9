package vn.onestop.ingest;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Type of a canonical field; decides how raw text is parsed and which reason a bad value gets. */
public enum FieldType {
    STRING, TIMESTAMP, DATE, INT, LONG, DECIMAL, BOOLEAN;

    /** The column type of this field in the lake. */
    public DataType sparkType() {
        return switch (this) {
            case STRING -> DataTypes.StringType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case DATE -> DataTypes.DateType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DECIMAL -> DataTypes.createDecimalType(18, 2);
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
