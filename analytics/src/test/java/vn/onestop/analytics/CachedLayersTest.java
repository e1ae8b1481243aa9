package vn.onestop.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.model.Models;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.ingest.FolderIngest;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.SparkSessions;

/**
 * The cached layers are read from the cache by every query, also by those written with WITH: in Spark 4.2 such a
 * query did not find a cached view that is itself written with WITH, and rebuilt case_timeline from the lake for
 * each branch that read it (decision 80).
 */
class CachedLayersTest {
    private static SparkSession spark;

    @BeforeAll
    static void compute(@TempDir Path tmp) {
        ProvinceFixture f = new ProvinceFixture().agency("R1", "Sở Xây dựng", "department").procedure("PX", 5, true);
        // Late, no apology: flagged (R01), so it has an evidence timeline.
        f.dossier("G1").at("R1", "PX").received("2025-07-01T09:00").due("2025-07-08T17:00")
                .finished("2025-07-21T10:00").with("recorded_at", "2025-07-01T09:00")
                .with("updated_at", "2025-07-21T10:00").synced("2025-07-21T11:00");
        // On time and clean: no rule flags it.
        f.dossier("G2").at("R1", "PX").received("2025-07-02T09:00").due("2025-07-09T17:00")
                .finished("2025-07-03T10:00").with("recorded_at", "2025-07-02T09:00")
                .with("updated_at", "2025-07-03T10:00").synced("2025-07-03T11:00");
        spark = SparkSessions.local();
        Lake lake = new Lake(tmp.resolve("lake").toString());
        new FolderIngest(spark, lake, LocalDateTime.of(2025, 9, 1, 0, 0)).run(f.writeTo(tmp.resolve("in")), tmp, "r1");
        new ComputeJob(spark, lake, WorkingCalendar.bundled(), Catalogue.bundled(), IndicatorSettings.defaults())
                .compute(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31));
    }

    /** The plan's own operators, without the plans that filled the caches it reads (before AQE wraps them). */
    private static String readsFrom(Dataset<Row> rows) {
        StringBuilder out = new StringBuilder();
        rows.queryExecution().sparkPlan().foreach(node -> {
            out.append(node.nodeName()).append('\n');
            return null;
        });
        return out.toString();
    }

    @Test
    void aQueryWithItsOwnCtesReadsTheCachedTimeline() {
        Dataset<Row> q = spark.sql("WITH late AS (SELECT case_id FROM case_timeline WHERE end_at > due_at) "
                + "SELECT count(*) FROM late");
        String plan = readsFrom(q);
        assertTrue(plan.contains("InMemoryTableScan"), plan);
        assertFalse(plan.contains("Scan parquet"), "no lake file is read again: " + plan);
        assertEquals(1L, q.first().getLong(0));
    }

    @Test
    void theEvidenceTimelineReadsTheCachedLayers() {
        Dataset<Row> timeline = Models.flaggedCaseTimeline(spark);
        String plan = readsFrom(timeline);
        assertTrue(plan.contains("InMemoryTableScan"), plan);
        // G1 only: received, its due time, finished, synced.
        assertEquals(List.of("G1 1 received", "G1 2 due", "G1 3 finished", "G1 4 synced"), timeline
                .orderBy("seq").collectAsList().stream().map(r -> r.getString(0) + " " + r.getInt(1) + " "
                        + r.getString(3)).toList());
    }
}
