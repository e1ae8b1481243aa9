package vn.onestop.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import vn.onestop.sample.GeneratorOptions;
import vn.onestop.sample.ProvinceGenerator;

/** Generated provinces for the source tests, made once per JVM: small, so that every test stays quick. */
public final class SmallProvinces {
    /** Reception window of the small province; its data end is 2024-03-31 23:59:59. */
    public static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    public static final LocalDate TO = LocalDate.of(2024, 3, 31);
    private static Path small;

    private SmallProvinces() {
    }

    /** 600 dossiers received in the first quarter of 2024 (seed 766), no bad rows. */
    public static synchronized Path small() {
        if (small == null) {
            small = generate(new GeneratorOptions(766, 600, FROM, TO, 0));
        }
        return small;
    }

    public static Path generate(GeneratorOptions options) {
        try {
            Path dir = Files.createTempDirectory("province-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            ProvinceGenerator.generate(options, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp folder
        }
    }
}
