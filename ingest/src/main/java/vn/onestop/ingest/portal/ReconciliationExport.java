package vn.onestop.ingest.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.onestop.core.store.Store;
import vn.onestop.core.store.StoreException;

/**
 * The published reconciliation of a run as CSV for Excel (UTF-8 with BOM): one row per dossier and difference,
 * ordered by agency. Applicant data is not in it: the dossier id is the key to look the dossier up.
 */
public final class ReconciliationExport {
    private ReconciliationExport() {
    }

    /** Writes the differences of {@code runId}; returns how many rows. */
    public static long write(Store store, String runId, Path out) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT agency_code, case_id, difference, province_value, "
                     + "portal_value, received_at FROM pub_reconciliation WHERE run_id = ? "
                     + "ORDER BY agency_code, case_id, difference")) {
            ps.setString(1, runId);
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            long n = 0;
            try (ResultSet rs = ps.executeQuery();
                 Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
                w.write('\uFEFF');
                csv.printRecord("agency_code", "case_id", "difference", "province_value", "portal_value",
                        "received_at");
                while (rs.next()) {
                    LocalDateTime received = rs.getObject(6, LocalDateTime.class);
                    csv.printRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), received == null ? null : received.toString().replace('T', ' '));
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the reconciliation of run " + runId, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
