package vn.onestop.analytics.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.catalogue.IndicatorDefinition;

/**
 * Counts every indicator's numerator and denominator per agency and period: one grouped aggregate per fact view,
 * composed of the catalogue's expressions (bundled resources, never user input).
 */
public final class IndicatorCounter {
    private IndicatorCounter() {
    }

    /** Period kinds for which procedure and field breakdowns are computed. */
    public static final List<String> DIMENSION_PERIOD_KINDS = List.of("quarter", "year", "range");

    /**
     * The dossier indicators per agency × procedure or field ({@code dimensionColumn} = procedure_code or field_code)
     * × calendar period.
     */
    public static List<DimensionCounts> countBy(SparkSession spark, Catalogue catalogue, String dimension,
                                                String dimensionColumn) {
        List<IndicatorDefinition> defs = catalogue.definitions().stream()
                .filter(d -> d.source().equals(Models.CASE_PERIOD)).toList();
        StringBuilder sql = new StringBuilder("SELECT agency_code, " + dimensionColumn
                + " AS dim_code, period_kind, period_start, period_end");
        for (int i = 0; i < defs.size(); i++) {
            sql.append(",\n  ").append(defs.get(i).numerator()).append(" AS n").append(i);
            if (defs.get(i).denominator() != null) {
                sql.append(",\n  ").append(defs.get(i).denominator()).append(" AS d").append(i);
            }
        }
        sql.append("\nFROM ").append(Models.CASE_PERIOD).append("\nWHERE ").append(dimensionColumn)
                .append(" IS NOT NULL AND period_kind IN ('").append(String.join("', '", DIMENSION_PERIOD_KINDS))
                .append("')\nGROUP BY agency_code, ").append(dimensionColumn)
                .append(", period_kind, period_start, period_end");
        List<DimensionCounts> out = new ArrayList<>();
        var rows = spark.sql(sql.toString()).toLocalIterator();
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int i = 0; i < defs.size(); i++) {
                IndicatorDefinition d = defs.get(i);
                long n = ((Number) r.getAs("n" + i)).longValue();
                Long den = d.denominator() == null ? null : ((Number) r.getAs("d" + i)).longValue();
                out.add(new DimensionCounts(dimension, r.getString(1), r.getString(0), r.getString(2), r.getAs(3),
                        r.getAs(4), d.id(), n, den));
            }
        }
        return out;
    }

    public static List<Counts> count(SparkSession spark, Catalogue catalogue) {
        Map<String, List<IndicatorDefinition>> bySource = new LinkedHashMap<>();
        for (IndicatorDefinition d : catalogue.definitions()) {
            bySource.computeIfAbsent(d.source(), s -> new ArrayList<>()).add(d);
        }
        List<Counts> out = new ArrayList<>();
        for (var entry : bySource.entrySet()) {
            List<IndicatorDefinition> defs = entry.getValue();
            StringBuilder sql = new StringBuilder("SELECT agency_code, period_kind, period_start, period_end");
            for (int i = 0; i < defs.size(); i++) {
                sql.append(",\n  ").append(defs.get(i).numerator()).append(" AS n").append(i);
                if (defs.get(i).denominator() != null) {
                    sql.append(",\n  ").append(defs.get(i).denominator()).append(" AS d").append(i);
                }
            }
            sql.append("\nFROM ").append(entry.getKey()).append("\nGROUP BY agency_code, period_kind, period_start, period_end");
            for (Row r : spark.sql(sql.toString()).collectAsList()) {
                String agency = r.getString(0);
                String kind = r.getString(1);
                LocalDate start = r.getAs(2);
                LocalDate end = r.getAs(3);
                for (int i = 0; i < defs.size(); i++) {
                    IndicatorDefinition d = defs.get(i);
                    long n = ((Number) r.getAs("n" + i)).longValue();
                    Long den = d.denominator() == null ? null : ((Number) r.getAs("d" + i)).longValue();
                    out.add(new Counts(agency, kind, start, end, d.id(), n, den));
                }
            }
        }
        return out;
    }
}
