package vn.onestop.ingest.jdbc;

import java.time.LocalDateTime;
import vn.onestop.core.store.SourceWatermarks;
import vn.onestop.core.store.Store;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.RecordIngest;
import vn.onestop.ingest.SourceRetry;
import vn.onestop.ingest.SparkSessions;

/**
 * An extraction in a JVM of its own, so that a test can kill it with SIGKILL half-way: when it reaches the stage
 * given, it prints {@value #PAUSED} and waits to be killed. Arguments: database URL, store URL, lake folder, run id,
 * stage.
 */
public final class ExtractionChild {
    static final String PAUSED = "PAUSED-FOR-KILL";

    private ExtractionChild() {
    }

    public static void main(String[] args) throws Exception {
        String dbUrl = args[0];
        String storeUrl = args[1];
        Lake lake = new Lake(args[2]);
        String runId = args[3];
        String stage = args[4];
        var spark = SparkSessions.local();
        try (Store store = Store.open(storeUrl, "postgres", "", 2)) {
            JdbcSource.Settings settings = new JdbcSource.Settings("motcua", dbUrl, "postgres", "",
                    SourceMapping.load("sample-vendor"), 2, 10);
            RecordIngest ingest = new RecordIngest(spark, lake, LocalDateTime.of(2024, 6, 30, 12, 0), runId);
            lake.recover(spark);
            new JdbcSource(spark, settings, new SourceWatermarks(store), new SourceRetry(2, 10), reached -> {
                if (reached.equals(stage)) {
                    System.out.println(PAUSED);
                    System.out.flush();
                    try {
                        Thread.sleep(600_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }).extract(ingest);
        }
        System.exit(0);
    }
}
