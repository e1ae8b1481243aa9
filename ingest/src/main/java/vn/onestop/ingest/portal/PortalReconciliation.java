package vn.onestop.ingest.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.onestop.core.store.Store;
import vn.onestop.core.store.StoreException;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.RecordType;

/**
 * The province's dossiers against the national portal's copy (an inspection finding in itself: unsynced dossiers
 * cost 766 points, rule R07): dossiers missing on the portal, dossiers only the portal holds, and dossiers whose
 * status, dates, channel or payment differ, per agency. Computed in Spark from the lake ({@code portal_pairs.sql}
 * → {@code portal_differences.sql}, {@code portal_reconciliation_by_agency.sql}), kept in the lake tables
 * {@code reconciliation} and {@code reconciliation_agency}, and published with the run to {@code pub_reconciliation}
 * and {@code pub_reconciliation_agency}.
 */
public final class PortalReconciliation {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private PortalReconciliation() {
    }

    /** One finding: a dossier and a field (or its absence), with both values as text. */
    public record Difference(String caseId, String agencyCode, String difference, String provinceValue,
                             String portalValue, LocalDateTime receivedAt) {
    }

    /** Per agency: dossiers compared, on the portal, and with each kind of difference. */
    public record AgencySummary(String agencyCode, long provinceCases, long portalCases, long missingOnPortal,
                                long onlyOnPortal, long statusDiffers, long datesDiffer, long channelDiffers,
                                long paymentDiffers) {
    }

    public record Result(List<Difference> differences, List<AgencySummary> agencies) {
    }

    /** Empty when the lake holds no portal copy (no portal source configured) or no dossiers. */
    public static Optional<Result> compute(SparkSession spark, Lake lake, String runId) {
        String portal = PortalFeed.PREFIX + RecordType.CASE.table();
        if (!lake.exists(spark, RecordType.CASE.table()) || !lake.exists(spark, portal)) {
            return Optional.empty();
        }
        lake.read(spark, RecordType.CASE.table()).createOrReplaceTempView("province_case");
        lake.read(spark, portal).createOrReplaceTempView("portal_case");
        Dataset<Row> pairs = spark.sql(sql("portal_pairs")).persist();
        try {
            pairs.createOrReplaceTempView("portal_pairs");
            Dataset<Row> differences = spark.sql(sql("portal_differences")).orderBy("agency_code", "case_id", "difference");
            Dataset<Row> agencies = spark.sql(sql("portal_reconciliation_by_agency")).orderBy("agency_code");
            lake.replace(spark, differences.coalesce(1), "reconciliation", runId);
            lake.replace(spark, agencies.coalesce(1), "reconciliation_agency", runId);
            List<Difference> d = new ArrayList<>();
            for (Row r : lake.read(spark, "reconciliation").orderBy("agency_code", "case_id", "difference").collectAsList()) {
                d.add(new Difference(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.isNullAt(5) ? null : LocalDateTime.ofInstant((Instant) r.get(5), ZONE)));
            }
            List<AgencySummary> a = new ArrayList<>();
            for (Row r : lake.read(spark, "reconciliation_agency").orderBy("agency_code").collectAsList()) {
                a.add(new AgencySummary(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
                        r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8)));
            }
            return Optional.of(new Result(d, a));
        } finally {
            pairs.unpersist();
        }
    }

    /** Writes the result under the run id; it becomes visible when the run is published. */
    public static void publish(Store store, String runId, Result result) {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pub_reconciliation (run_id, case_id, "
                    + "agency_code, difference, province_value, portal_value, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Difference d : result.differences()) {
                    ps.setString(1, runId);
                    ps.setString(2, d.caseId());
                    ps.setString(3, d.agencyCode());
                    ps.setString(4, d.difference());
                    ps.setString(5, d.provinceValue());
                    ps.setString(6, d.portalValue());
                    ps.setObject(7, d.receivedAt());
                    ps.addBatch();
                    if (++n % 5_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pub_reconciliation_agency (run_id, agency_code, "
                    + "province_cases, portal_cases, missing_on_portal, only_on_portal, status_differs, dates_differ, "
                    + "channel_differs, payment_differs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AgencySummary a : result.agencies()) {
                    ps.setString(1, runId);
                    ps.setString(2, a.agencyCode());
                    long[] v = {a.provinceCases(), a.portalCases(), a.missingOnPortal(), a.onlyOnPortal(),
                        a.statusDiffers(), a.datesDiffer(), a.channelDiffers(), a.paymentDiffers()};
                    for (int i = 0; i < v.length; i++) {
                        ps.setLong(3 + i, v[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("Cannot publish the portal reconciliation of run " + runId, e);
        }
    }

    static String sql(String model) {
        try (InputStream in = PortalReconciliation.class.getResourceAsStream(model + ".sql")) {
            if (in == null) {
                throw new IllegalStateException(model + ".sql is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
