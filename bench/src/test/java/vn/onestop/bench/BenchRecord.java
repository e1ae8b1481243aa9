package vn.onestop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/** The JSON record a benchmark run wrote in its --out folder, as the tests read it. */
record BenchRecord(JsonNode json, Map<String, JsonNode> figures) {

    /** What a run of the bench command returned and printed. */
    record Ran(int exit, String table) {
    }

    /** The bench command with these arguments, its printed table captured. */
    static Ran run(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BenchCommand bench = new BenchCommand();
        bench.console(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(bench).execute(args);
        return new Ran(exit, printed.toString(StandardCharsets.UTF_8));
    }

    /** The one record in {@code out}, its figures by id. */
    static BenchRecord in(Path out) throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(out)) {
            file = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode json = Results.JSON.readTree(file.toFile());
        Map<String, JsonNode> figures = new TreeMap<>();
        json.get("figures").forEach(f -> figures.put(f.get("id").asText(), f));
        return new BenchRecord(json, figures);
    }
}
