package vn.onestop.ingest.jdbc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.core.store.SourceWatermarks;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.LakeComparison;
import vn.onestop.ingest.SmallProvinces;
import vn.onestop.ingest.SparkSessions;
import vn.onestop.ingest.TestPostgres;
import vn.onestop.sample.vendor.VendorActivity;

class InterruptedRunTest {
    @TempDir
    Path tmp;

    private final SparkSession spark = SparkSessions.local();
    private final TestPostgres db = new TestPostgres();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private void advance(int days) throws Exception {
        try (Connection c = db.connect()) {
            new VendorActivity(c, 7, 12, 1).advance(days);
        }
    }

    /** The lake of a run stopped half-way and run again equals a fresh full extraction of the final state. */
    private void assertSameAsFreshFullExtraction(Lake lake) {
        new SourceWatermarks(db.store()).clearAll();
        Lake full = new Lake(tmp.resolve("full").toString());
        VendorFixture.extract(spark, db, full, VendorFixture.settings(db, 2, 10), "full", JdbcSource.Progress.NONE);
        for (String table : IncrementalExtractionTest.TABLES) {
            LakeComparison.assertSameTable(spark, full, lake, table);
        }
    }

    @Test
    void runsStoppedBetweenStagesOrKilledHalfWayAndRunAgainGiveTheLakeOfAFreshFullExtraction() throws Exception {
        VendorFixture.load(db, SmallProvinces.small());
        Lake lake = new Lake(tmp.resolve("lake").toString());
        JdbcSource.Settings settings = VendorFixture.settings(db, 2, 10);
        VendorFixture.extract(spark, db, lake, settings, "r1", JdbcSource.Progress.NONE);
        advance(2);
        // Dossiers are written, their watermark is not, and their history is not read yet.
        assertThrows(IllegalStateException.class, () -> VendorFixture.extract(spark, db, lake, settings, "r2",
                stage -> {
                    if (stage.equals("hs_hoso:loaded")) {
                        throw new IllegalStateException("stopped between stages");
                    }
                }));
        advance(1);
        // SIGKILL once the events are in the lake and before their watermark is stored.
        killHalfWay(lake, "hs_quatrinhxuly.buoc:loaded");
        VendorFixture.extract(spark, db, lake, settings, "r4", JdbcSource.Progress.NONE);

        assertSameAsFreshFullExtraction(lake);
    }

    /** Runs an extraction in a child JVM and kills it with SIGKILL when it reaches {@code stage}. */
    private void killHalfWay(Lake lake, String stage) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty") || arg.startsWith("-Duser.timezone")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), ExtractionChild.class.getName(),
                db.url(), db.url().split("\\?")[0], lake.root(), "r3", stage));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        boolean paused = false;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                output.append(line).append(File.separatorChar == '/' ? "\n" : "\r\n");
                if (line.contains(ExtractionChild.PAUSED)) {
                    paused = true;
                    break;
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(paused, "the child reached " + stage + ":\n" + output);
    }
}
