package vn.onestop.dashboard.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.onestop.core.store.Store;

/** Parameterised statements against the store; nothing is ever concatenated into SQL. */
public final class Sql {
    private static final Logger LOG = LoggerFactory.getLogger(Sql.class);
    /** A read slower than this is logged with its statement (never its parameters: they may name a citizen's case). */
    static final long SLOW_MS = 200;

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    public static <T> List<T> list(Store store, String sql, Row<T> row, Object... params) {
        long started = System.nanoTime();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                long ms = (System.nanoTime() - started) / 1_000_000;
                if (ms >= SLOW_MS) {
                    LOG.info("Slow store read: {} ms, {} rows: {}", ms, out.size(), sql);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreAccessException("Reading the store failed: " + e.getMessage(), e);
        }
    }

    public static <T> Optional<T> first(Store store, String sql, Row<T> row, Object... params) {
        List<T> rows = list(store, sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static long count(Store store, String sql, Object... params) {
        return first(store, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public static int update(Store store, String sql, Object... params) {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreAccessException("Writing to the store failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    /** A decimal without trailing zeros' noise ({@code 40.00} → {@code 40}), null kept. */
    public static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
