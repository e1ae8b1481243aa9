package vn.onestop.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The runs' scratch folder ({@code data.dir/work}): each run stages files in {@code <what>-<run id>} and removes
 * them when it ends; a killed run's folders are removed by the next run.
 */
final class WorkFolder {
    private WorkFolder() {
    }

    /** @return the folders removed, as {@code work/<name>} */
    static List<String> cleanLeftovers(Path work, Predicate<String> live) {
        List<String> removed = new ArrayList<>();
        try (Stream<Path> entries = Files.list(work)) {
            for (Path p : entries.filter(Files::isDirectory).toList()) {
                String name = p.getFileName().toString();
                int dash = name.indexOf('-');
                if (dash > 0 && !live.test(name.substring(dash + 1))) {
                    delete(p);
                    removed.add("work/" + name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the work folder " + work + ": " + e.getMessage(), e);
        }
        return removed;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
