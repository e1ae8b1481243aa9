package vn.onestop.bench;

import java.util.Locale;

/**
 * One number of the benchmark's table: what it is, its value and unit, and the target it is held to (if any).
 *
 * @param met null when the figure has no target
 */
record Figure(String id, String label, double value, String unit, String target, Boolean met) {

    static Figure info(String id, String label, double value, String unit) {
        return new Figure(id, label, value, unit, null, null);
    }

    /** A figure that must be at most {@code limit}. */
    static Figure atMost(String id, String label, double value, String unit, double limit) {
        return new Figure(id, label, value, unit, "≤ " + number(limit) + " " + unit, value <= limit);
    }

    /** A figure that must stay under {@code limit}. */
    static Figure below(String id, String label, double value, String unit, double limit) {
        return new Figure(id, label, value, unit, "< " + number(limit) + " " + unit, value < limit);
    }

    /** A figure that must be at least {@code limit}. */
    static Figure atLeast(String id, String label, double value, String unit, double limit) {
        return new Figure(id, label, value, unit, "≥ " + number(limit) + " " + unit, value >= limit);
    }

    String valueText() {
        return number(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    String mark() {
        return met == null ? "" : met ? "✓" : "✗";
    }

    /** Thousands with a comma; one decimal below 100, none above. */
    static String number(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%,.1f", v);
    }
}
