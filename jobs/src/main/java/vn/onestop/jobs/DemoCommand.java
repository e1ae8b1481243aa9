package vn.onestop.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;
import vn.onestop.core.store.StoreException;
import vn.onestop.dashboard.auth.UserAccounts;
import vn.onestop.sample.GeneratorOptions;
import vn.onestop.sample.ProvinceGenerator;
import vn.onestop.sample.vendor.PortalFeedWriter;
import vn.onestop.sample.vendor.VendorDatabase;

/**
 * The whole product on the embedded default: generate a province → ingest → compute → publish → serve, with a demo
 * administrator whose fresh password is printed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a sample province, ingest, compute, publish and serve the dashboard.")
final class DemoCommand implements Callable<Integer> {
    static final String DEMO_ADMIN = "admin";

    @ParentCommand
    OneStopCli cli;

    @Option(names = "--cases", description = "Dossiers to generate (default ${DEFAULT-VALUE}).")
    long cases = 30_000;

    @Option(names = "--seed", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed = GeneratorOptions.DEFAULT_SEED;

    @Option(names = "--bad-rows", description = "Invalid rows to plant, to show quarantine (default ${DEFAULT-VALUE}).")
    int badRows = 25;

    @Option(names = "--no-serve", description = "Stop after publishing (for scripts and tests).")
    boolean noServe;

    @Option(names = "--vendor-db", paramLabel = "JDBC_URL",
            description = "Load the province into the sample vendor one-stop database at this PostgreSQL URL (schema "
                    + "motcua, replaced) and read it over JDBC, incrementally at every scheduled run, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/onestop_vendor?user=postgres")
    String vendorDb;

    @Override
    public Integer call() throws InterruptedException, SQLException, IOException {
        OneStopConfig base = cli.config();
        Path sample = base.dataDir().resolve("sample");
        Path portal = base.dataDir().resolve("portal");
        // The national portal's copy of the province is a folder the scheduled runs read again.
        Map<String, String> sources = new HashMap<>(Map.of("source.portal.dir", portal.toString()));
        if (vendorDb != null) {
            sources.put("source.jdbc.url", vendorDb);
        }
        OneStopConfig config = base.with(sources);
        System.out.println("1/4 Generating " + cases + " dossiers (seed " + seed + ") into " + sample);
        GeneratorOptions defaults = GeneratorOptions.defaults();
        // The vendor database's constraints would refuse invalid rows: it gets a clean province.
        GeneratorOptions options = new GeneratorOptions(seed, cases, defaults.from(), defaults.to(),
                vendorDb == null ? badRows : 0);
        ProvinceGenerator.generate(options, sample);
        PortalFeedWriter.write(sample, portal, seed, (int) Math.max(3, cases / 2_000));
        Path snapshot = sample;
        if (vendorDb != null) {
            System.out.println("    Loading it into the vendor database " + vendorDb.split("\\?")[0]);
            try (Connection c = config.string("source.jdbc.user").isEmpty() ? DriverManager.getConnection(vendorDb)
                    : DriverManager.getConnection(vendorDb, config.string("source.jdbc.user"),
                    config.string("source.jdbc.password"))) {
                VendorDatabase.createSchema(c);
                VendorDatabase.load(c, sample, options.dataEnd());
            }
            // Feedback (PAKN) lives in another system: it comes as a drop.
            snapshot = Files.createDirectories(base.dataDir().resolve("sample-feedback"));
            Files.copy(sample.resolve("feedback.csv"), snapshot.resolve("feedback.csv"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Environment env = new Environment(config);
        System.out.println("2/4 Ingesting, computing and publishing (Spark, local mode)");
        var outcome = new Pipeline(env, TerminalProgress.standardError()).run("demo", snapshot, true, null, null);
        System.out.print(Pipeline.describe(outcome.ingest()));
        outcome.reconciliation().ifPresent(r -> System.out.print(Pipeline.describe(r)));
        System.out.println("3/4 Published run " + outcome.runId() + " covering " + outcome.computation().from()
                + " – " + outcome.computation().to());
        String password = resetDemoAdmin(env.store());
        System.out.println("4/4 Log in as '" + DEMO_ADMIN + "' with password '" + password
                + "' (a new one at every demo start).");
        if (noServe) {
            env.close();
            return 0;
        }
        ServeCommand.serve(env);
        return 0;
    }

    /** (Re)creates the demo administrator with a fresh random password. */
    static String resetDemoAdmin(Store store) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM app_user WHERE username = ?")) {
            ps.setString(1, DEMO_ADMIN);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot reset the demo administrator", e);
        }
        String password = randomPassword();
        UserAccounts.create(store, DEMO_ADMIN, password, "admin", null, "Quản trị viên (demo)");
        return password;
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
