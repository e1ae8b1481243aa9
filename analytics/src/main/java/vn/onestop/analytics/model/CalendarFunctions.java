package vn.onestop.analytics.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
 *   <li>{@code working_days_before(due_at, n)} — end of the day n working days before the due day;</li>
 *   <li>{@code working_days_between(a, b)} — working days after the day of a up to the day of b;</li>
 *   <li>{@code working_day_add(date, n)} — the n-th working day after (n &lt; 0: before) a date, null for a date
 *       outside the calendar's years (procedure announcements long past are not judged);</li>
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
        spark.udf().register("working_days_between", (UDF2<Instant, Instant, Integer>) (a, b) -> {
            if (a == null || b == null) {
                return null;
            }
            return calendar.workingDaysBetween(LocalDateTime.ofInstant(a, ZONE).toLocalDate(),
                    LocalDateTime.ofInstant(b, ZONE).toLocalDate());
        }, DataTypes.IntegerType);
        spark.udf().register("working_day_add", (UDF2<LocalDate, Integer, LocalDate>) (day, n) -> {
            if (day == null || n == null || !calendar.covers(day)) {
                return null;
            }
            return n >= 0 ? calendar.addWorkingDays(day, n) : calendar.workingDaysBefore(day, -n);
        }, DataTypes.DateType);
    }
}
