package vn.onestop.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Generated provinces for the tests: the default one (10,000 dossiers, seed 766) is made once per JVM. */
final class Sample {
    private static Path defaultSample;

    private Sample() {
    }

    static synchronized Path defaults() {
        if (defaultSample == null) {
            defaultSample = generate(GeneratorOptions.defaults());
        }
        return defaultSample;
    }

    static Path generate(GeneratorOptions options) {
        try {
            Path dir = Files.createTempDirectory("sample-province-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            ProvinceGenerator.generate(options, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CsvTable table(Path dir, String file) {
        return CsvTable.read(dir.resolve(file));
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp folder
        }
    }
}
