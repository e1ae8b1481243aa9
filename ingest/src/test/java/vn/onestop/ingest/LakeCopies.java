package vn.onestop.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of lake tables, so that tests can share one costly load and still write their own lakes. */
public final class LakeCopies {
    private LakeCopies() {
    }

    public static Lake copy(Lake from, Path to, String... tables) {
        for (String table : tables) {
            Path source = Path.of(from.root(), table);
            Path target = to.resolve(table);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Path t = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Lake(to.toString());
    }

    /** A folder with some of a generated province's files. */
    public static Path subset(Path province, Path to, String... files) {
        try {
            Files.createDirectories(to);
            for (String f : files) {
                Files.copy(province.resolve(f), to.resolve(f));
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
