package vn.onestop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory of a process, as Linux counts it ({@code VmHWM} in {@code /proc/<pid>/status}): what the
 * machine had to give the process at its worst, heap, metaspace, threads and native memory (Parquet, DuckDB) alike.
 */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Peak resident kB of this process; -1 where /proc is not there. */
    static long selfPeakKb() {
        return peakKb(ProcessHandle.current().pid());
    }

    /** Peak resident kB of a running process; -1 when it cannot be read (gone, or not Linux). */
    static long peakKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
