package vn.onestop.jobs;

import java.time.Clock;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;
import vn.onestop.inspection.Inspection;

/** The store and the inspection services an inspection command works with; no Spark is started. */
final class InspectionSession implements AutoCloseable {
    private final Store store;
    private final Inspection inspection;

    InspectionSession(OneStopConfig config) {
        this.store = Store.open(config);
        this.inspection = Inspection.of(store, config, Clock.systemUTC());
    }

    Inspection inspection() {
        return inspection;
    }

    /** Who acts, for the records and the audit log: --by, else the operating-system user. */
    static String actor(String by) {
        String name = by != null && !by.isBlank() ? by : System.getProperty("user.name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Say who acts with --by NAME.");
        }
        return name.strip();
    }

    @Override
    public void close() {
        store.close();
    }
}
