package vn.onestop.ingest;

import org.apache.spark.sql.SparkSession;

/** The one SparkSession of a JVM, with the settings DESIGN.md says matter. */
public final class SparkSessions {
    public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";

    private SparkSessions() {
    }

    /** Creates the session on first use; later calls return the same one (tests share it). */
    public static synchronized SparkSession get(String master, int shufflePartitions) {
        // Loopback unless the JVM says otherwise: executors on other machines must reach the driver at an address
        // of its own (java -Dspark.driver.host=10.0.0.5 …, docs/deployment.md).
        String driverHost = System.getProperty("spark.driver.host", "127.0.0.1");
        return SparkSession.builder()
                .appName("OneStop Monitor")
                .master(master)
                // The machine runs in UTC: without this, days shift by 7 hours.
                .config("spark.sql.session.timeZone", TIME_ZONE)
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .config("spark.sql.parquet.compression.codec", "zstd")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", driverHost)
                .config("spark.driver.bindAddress", System.getProperty("spark.driver.bindAddress", driverHost))
                .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/onestop-spark-warehouse")
                .getOrCreate();
    }

    /** Local session for tests and the embedded default. */
    public static SparkSession local() {
        return get("local[2]", 4);
    }
}
