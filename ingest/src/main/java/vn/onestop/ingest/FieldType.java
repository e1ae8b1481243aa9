package vn.onestop.ingest;

/** Type of a canonical field; decides how raw text is parsed and which reason a bad value gets. */
public enum FieldType {
    STRING, TIMESTAMP, DATE, INT, LONG, DECIMAL, BOOLEAN
}
