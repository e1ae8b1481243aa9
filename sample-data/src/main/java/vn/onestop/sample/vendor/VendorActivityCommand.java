package vn.onestop.sample.vendor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vendor-activity}: days of work in the sample vendor database, to watch incremental extraction follow. */
@Command(name = "vendor-activity", mixinStandardHelpOptions = true,
        description = "Advance the sample vendor one-stop database (loaded by 'demo --vendor-db') by days of work: "
                + "new dossiers, handling steps, supplements, apologies, results, ratings.")
public final class VendorActivityCommand implements Callable<Integer> {
    @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
            description = "The vendor database, e.g. jdbc:postgresql://127.0.0.1:5432/onestop_vendor?user=postgres")
    String url;

    @Option(names = "--days", description = "Days to advance (default ${DEFAULT-VALUE}).")
    int days = 1;

    @Option(names = "--new-per-day", description = "Dossiers submitted per working day (default ${DEFAULT-VALUE}).")
    int newPerDay = 40;

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 766;

    @Override
    public Integer call() throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            for (VendorActivity.Day d : new VendorActivity(c, seed, newPerDay, 2).advance(days)) {
                System.out.printf("%s: %d new dossiers, %d changes, %d committed late%n", d.day(), d.newDossiers(),
                        d.changes(), d.lateCommits());
            }
        }
        return 0;
    }
}
