package vn.onestop.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A child JVM of the benchmark, so that each measured process has its own peak memory: the same Java, the given
 * heap, Spark's module opens, and the benchmark's classpath — without DuckDB unless the step is DuckDB's, so that
 * the product's steps run on the product's classpath. Output goes to a log file beside the results.
 */
final class ChildJvm {
    /** Spark's standard opens on Java 17 (as the surefire configuration and the jobs jar's manifest give them). */
    static final List<String> SPARK_OPENS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

    private ChildJvm() {
    }

    /**
     * The classpath of this JVM (absolute: children run elsewhere), with or without DuckDB's driver. Run from the jar,
     * DuckDB is not on it: it lies in {@code lib-duckdb/} beside the jar.
     */
    static String classpath(boolean withDuckDb) {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (!p.getFileName().toString().startsWith("duckdb_jdbc")) {
                entries.add(p);
            }
        }
        if (withDuckDb) {
            entries.add(duckDbDriver());
        }
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path duckDbDriver() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (p.getFileName().toString().startsWith("duckdb_jdbc")) {
                return p;
            }
            Path besideJar = p.resolveSibling("lib-duckdb");
            if (Files.isDirectory(besideJar)) {
                try (var files = Files.list(besideJar)) {
                    return files.filter(f -> f.getFileName().toString().startsWith("duckdb_jdbc")).findFirst()
                            .orElseThrow();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("DuckDB's JDBC driver is neither on the classpath nor in lib-duckdb/ beside the "
                + "bench jar: build with mvn package");
    }

    /** The full command line of a child: java, heap, further JVM options, opens, classpath, main class, arguments. */
    static List<String> command(String heap, List<String> jvmOptions, boolean withDuckDb, String mainClass,
                                List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        jvmOptions.stream().filter(o -> !o.isBlank()).forEach(cmd::add);
        cmd.add("-Duser.timezone=UTC");
        cmd.addAll(SPARK_OPENS);
        cmd.add("-cp");
        cmd.add(classpath(withDuckDb));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    static Process start(List<String> command, Path workDir, Path log, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs a step to its end; a failed step stops the benchmark with the end of its log. */
    static Map<String, Object> runStep(String step, String heap, List<String> jvmOptions, boolean withDuckDb,
                                       Path workDir, Path resultsDir, List<String> params, Map<String, String> env,
                                       long timeoutMinutes)
            throws IOException, InterruptedException {
        Path result = resultsDir.resolve(step + ".json");
        Path log = resultsDir.resolve(step + ".log");
        List<String> args = new ArrayList<>(List.of(step, result.toAbsolutePath().toString()));
        args.addAll(params);
        Process p = start(command(heap, jvmOptions, withDuckDb, BenchStep.class.getName(), args), workDir, log, env);
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("Step " + step + " did not finish in " + timeoutMinutes + " minutes; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Step " + step + " failed (exit " + p.exitValue() + "); the end of " + log
                    + ":\n" + tail(log, 25));
        }
        return Results.read(result);
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = java.nio.file.Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
