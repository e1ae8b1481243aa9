package vn.onestop.analytics.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;
import vn.onestop.core.calendar.DurationUnit;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * The working-day calendar as SQL functions, so that Spark and the rest of the product share one implementation
 * of calendar.md:
 * <ul>
 *   <li>{@code due_from_duration(received_at, legal_duration, duration_unit)} — the promised time when the source
 *       gives none;</li>
 *   <li>{@code working_days_before(due_at, n)} — end of the day n working days before the due day.</li>
 * </ul>
 */
public final class CalendarFunctions {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private CalendarFunctions() {
    }

    public static void register(SparkSession spark, WorkingCalendar calendar) {
        spark.udf().register("due_from_duration", (UDF3<Instant, BigDecimal, String, Instant>) (received, duration, unit) -> {
            if (received == null || duration == null) {
                return null;
            }
            LocalDateTime due = calendar.dueAt(LocalDateTime.ofInstant(received, ZONE), duration.longValue(),
                    DurationUnit.parse(unit));
            return due.atZone(ZONE).toInstant();
        }, DataTypes.TimestampType);
        spark.udf().register("working_days_before", (UDF2<Instant, Integer, Instant>) (due, n) -> {
            if (due == null || n == null) {
                return null;
            }
            return calendar.deadlineBefore(LocalDateTime.ofInstant(due, ZONE), n).atZone(ZONE).toInstant();
        }, DataTypes.TimestampType);
    }
}
