package vn.onestop.sample;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run wrote: data rows per file (header excluded) and the planted agency of each pattern.
 */
public record GenerationSummary(Path outDir, Map<String, Long> rowsPerFile, Map<String, String> plantedAgencies) {
    public GenerationSummary {
        rowsPerFile = Collections.unmodifiableMap(new TreeMap<>(rowsPerFile));
        plantedAgencies = Collections.unmodifiableMap(new TreeMap<>(plantedAgencies));
    }

    /** Data rows written to {@code fileName} (e.g. {@code case.csv}), 0 for a file not written. */
    public long rows(String fileName) {
        return rowsPerFile.getOrDefault(fileName, 0L);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Wrote ").append(outDir).append(System.lineSeparator());
        rowsPerFile.forEach((file, rows) -> sb.append(String.format("  %-30s %,12d rows%n", file, rows)));
        plantedAgencies.forEach((pattern, code) -> sb.append(String.format("  planted %-30s %s%n", pattern, code)));
        return sb.toString();
    }
}
