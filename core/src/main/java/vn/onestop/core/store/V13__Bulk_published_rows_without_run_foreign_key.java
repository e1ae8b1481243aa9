package vn.onestop.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign key from {@code run_id} to {@code run} on the five tables a run writes by the hundred thousand
 * (decisions.md, 84). H2 checked it for every inserted row, and that check was most of the time of copying a run's
 * rows inside the store: 1.1M procedure and field values took 50 s with it and 18 s without. The key's name differs
 * between H2 (generated) and PostgreSQL ({@code <table>_run_id_fkey}), so it is found in the schema; a Java migration
 * because a SQL one would have to know the name. The rows stay tied to their run by how they are written (only a
 * {@code Publisher} of a recorded run writes them) and removed with it ({@link RunTables}, which finds the tables
 * by their {@code run_id} column, not by keys).
 */
public class V13__Bulk_published_rows_without_run_foreign_key extends BaseJavaMigration {
    static final List<String> TABLES = List.of("pub_value", "pub_value_dim", "pub_case_flag", "pub_case_timeline",
            "pub_case_register");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean upper = c.getMetaData().storesUpperCaseIdentifiers();
        for (String table : TABLES) {
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getImportedKeys(null, c.getSchema(),
                    upper ? table.toUpperCase(Locale.ROOT) : table)) {
                while (rs.next()) {
                    if ("run".equalsIgnoreCase(rs.getString("PKTABLE_NAME"))) {
                        keys.add(rs.getString("FK_NAME"));
                    }
                }
            }
            for (String key : keys) {
                try (Statement s = c.createStatement()) {
                    // Both names come from the schema itself.
                    s.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + key + "\"");
                }
            }
        }
    }
}
