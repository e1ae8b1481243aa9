package vn.onestop.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables that hold a run's published rows: every {@code pub_*} table with a {@code run_id} column, found in the
 * schema rather than listed, so that a table added by a later migration is removed with a failed run and pruned
 * with an old one without anyone having to remember this class.
 */
final class RunTables {
    private RunTables() {
    }

    static List<String> published(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT lower(table_name) FROM information_schema.columns "
                + "WHERE lower(column_name) = 'run_id' AND lower(table_name) LIKE 'pub!_%' ESCAPE '!' "
                + "AND table_schema = CURRENT_SCHEMA ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Deletes the run's rows from every published table, in the caller's transaction. */
    static void deletePublishedRows(Connection c, String runId) throws SQLException {
        deleteRows(c, published(c), runId);
    }

    static void deleteRows(Connection c, List<String> tables, String runId) throws SQLException {
        for (String table : tables) {
            // The name comes from the schema itself, never from input.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                ps.setString(1, runId);
                ps.executeUpdate();
            }
        }
    }
}
