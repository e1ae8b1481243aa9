package vn.onestop.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: the compute job runs unchanged on a Spark standalone cluster — a master and two workers started from
 * the application's own classes on 127.0.0.1, as {@code scripts/spark-cluster} does — selected by
 * {@code spark.master} alone, and gives the same export as local mode (the hand-computed February Tết fixture,
 * which {@link IndicatorsCommandTest} checks in local mode).
 */
class ClusterModeTest {
    @TempDir
    Path tmp;

    private final List<Process> daemons = new ArrayList<>();

    @AfterEach
    void stopCluster() throws InterruptedException {
        for (Process p : daemons) {
            p.destroy();
        }
        for (Process p : daemons) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void theFixtureComputedOnATwoWorkerClusterGivesTheLocalModeExport() throws Exception {
        int masterPort = freePort();
        int masterUi = freePort();
        String master = "spark://127.0.0.1:" + masterPort;
        daemons.add(daemon("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUi)));
        for (int i = 1; i <= 2; i++) {
            Path work = Files.createDirectories(tmp.resolve("worker-" + i));
            daemons.add(daemon("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "1g", "--work-dir", work.toString(),
                    "--webui-port", Integer.toString(freePort()), master));
        }
        awaitJson(masterUi, "aliveworkers", 2);

        Path fixture = Path.of(getClass().getResource("/fixtures/february-tet").toURI());
        Path out = tmp.resolve("indicators.csv");
        Process cli = java("cli", OneStopCli.class.getName(), "--set", "data.dir=" + tmp.resolve("data"),
                "--set", "spark.master=" + master, "indicators", "--input", fixture.toString(),
                "--from", "2024-02-01", "--to", "2024-02-29", "--out", out.toString());
        assertTrue(cli.waitFor(15, TimeUnit.MINUTES), "the cluster run did not end in 15 minutes");
        assertEquals(0, cli.exitValue(), Files.readString(tmp.resolve("cli.log")));

        assertEquals(Files.readString(fixture.resolve("expected.csv"), StandardCharsets.UTF_8),
                Files.readString(out, StandardCharsets.UTF_8));
        // It really ran there: the master lists the finished application, and both workers ran executors of it.
        awaitJson(masterUi, "completedapps", 1);
        for (int i = 1; i <= 2; i++) {
            try (var apps = Files.list(tmp.resolve("worker-" + i))) {
                assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")),
                        "worker " + i + " ran no executor");
            }
        }
    }

    /** A Spark daemon with the application's classpath; an empty SPARK_HOME/jars, as the script sets it. */
    private Process daemon(String name, String mainClass, String... args) throws IOException {
        return java(name, mainClass, args);
    }

    private Process java(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty") || arg.startsWith("-Duser.timezone")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of(name.equals("cli") ? "-Xmx1g" : "-Xmx256m", "-Dspark.master.rest.enabled=false",
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        Path sparkHome = tmp.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        // Workers start executors with SPARK_HOME/jars/* and this: the driver's own classes, nothing shipped.
        env.put("SPARK_DIST_CLASSPATH", System.getProperty("java.class.path"));
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private void awaitJson(int uiPort, String field, int atLeast) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Pattern p = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\[[^\\]]*\\]|\\d+)");
        String last = "";
        long until = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < until) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = p.matcher(last);
                if (m.find()) {
                    String v = m.group(1);
                    int n = v.startsWith("[") ? (v.equals("[]") || v.isBlank() ? 0 : v.split("\"id\"").length - 1)
                            : Integer.parseInt(v);
                    if (n >= atLeast) {
                        return;
                    }
                }
            } catch (IOException notYet) {
                // the master is still starting
            }
            for (Process d : daemons) {
                assertTrue(d.isAlive(), "a Spark daemon stopped; logs in " + tmp);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("master never reported " + field + " ≥ " + atLeast + ": " + last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
