package vn.onestop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/** The JSON record a benchmark run wrote in its --out folder, and the table it printed, as the tests read them. */
record BenchRecord(JsonNode json, Map<String, JsonNode> figures, String table) {

    /**
     * The bench command on the tests' tiny province (2,000 dossiers of March 2024), working and writing in
     * {@code tmp}, with these further options; it must succeed. Its record and table.
     */
    static BenchRecord tiny(Path tmp, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--cases", "2000", "--from", "2024-03-01", "--to", "2024-03-31",
                "--work", tmp.resolve("work").toString(), "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BenchCommand bench = new BenchCommand();
        bench.console(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(bench).execute(args.toArray(String[]::new));
        String table = printed.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new AssertionError("bench exited with " + exit + "\n" + table);
        }
        Path file;
        try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
            file = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode json = Results.JSON.readTree(file.toFile());
        Map<String, JsonNode> figures = new TreeMap<>();
        json.get("figures").forEach(f -> figures.put(f.get("id").asText(), f));
        return new BenchRecord(json, figures, table);
    }
}
