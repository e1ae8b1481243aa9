package vn.onestop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * The core indicators as plain SQL in DuckDB (in memory, in this JVM) over the same Parquet lake Spark reads:
 * {@code core-indicators.duckdb.sql}, after the working-day calendar is loaded as two small tables.
 */
final class DuckDbIndicators {
    private DuckDbIndicators() {
    }

    /**
     * @param memoryLimit DuckDB's {@code memory_limit} ("3GB"), or null for its default (80 % of the machine's memory):
     *                    to compare on the compute's budget as well as on DuckDB's own
     */
    static List<CoreIndicators.Count> compute(String lakeRoot, WorkingCalendar calendar, String memoryLimit)
            throws SQLException {
        String lake = Path.of(lakeRoot).toAbsolutePath().toString().replace("'", "''");
        Properties settings = new Properties();
        if (memoryLimit != null) {
            settings.setProperty("memory_limit", memoryLimit);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", settings)) {
            loadCalendar(c, calendar);
            List<String> statements = statements(script().replace("${lake}", lake));
            try (Statement s = c.createStatement()) {
                for (String sql : statements.subList(0, statements.size() - 1)) {
                    s.execute(sql);
                }
            }
            List<CoreIndicators.Count> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(statements.get(statements.size() - 1))) {
                while (rs.next()) {
                    if (rs.getLong(5) > 0) {
                        out.add(new CoreIndicators.Count(rs.getString(1), rs.getObject(2, LocalDate.class),
                                rs.getString(3), rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
            return out;
        }
    }

    /** calendar_day (every day with its working-day number) and working_day (the number → the day). */
    private static void loadCalendar(Connection c, WorkingCalendar calendar) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE calendar_day (day DATE PRIMARY KEY, working BOOLEAN, wd_no BIGINT)");
            s.execute("CREATE TEMP TABLE working_day (wd_no BIGINT PRIMARY KEY, day DATE)");
        }
        int first = calendar.years().stream().min(Integer::compare).orElseThrow();
        int last = calendar.years().stream().max(Integer::compare).orElseThrow();
        try (PreparedStatement day = c.prepareStatement("INSERT INTO calendar_day VALUES (?, ?, ?)");
             PreparedStatement working = c.prepareStatement("INSERT INTO working_day VALUES (?, ?)")) {
            long n = 0;
            for (LocalDate d = LocalDate.of(first, 1, 1); d.getYear() <= last; d = d.plusDays(1)) {
                boolean isWorking = calendar.isWorkingDay(d);
                if (isWorking) {
                    n++;
                    working.setLong(1, n);
                    working.setObject(2, d);
                    working.addBatch();
                }
                day.setObject(1, d);
                day.setBoolean(2, isWorking);
                day.setLong(3, n);
                day.addBatch();
            }
            day.executeBatch();
            working.executeBatch();
        }
    }

    private static String script() {
        try (InputStream in = DuckDbIndicators.class.getResourceAsStream("core-indicators.duckdb.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statements of the script: comments dropped, split at a ';' that ends a line. */
    private static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            String code = comment >= 0 ? line.substring(0, comment) : line;
            if (code.isBlank()) {
                continue;
            }
            current.append(code).append('\n');
            if (code.stripTrailing().endsWith(";")) {
                String s = current.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }
}
