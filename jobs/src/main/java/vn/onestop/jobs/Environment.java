package vn.onestop.jobs;

import java.time.LocalTime;
import org.apache.spark.sql.SparkSession;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.core.calendar.WorkingCalendar;
import vn.onestop.core.config.OneStopConfig;
import vn.onestop.core.store.Store;
import vn.onestop.ingest.Lake;
import vn.onestop.ingest.SparkSessions;

/** What the commands share, opened on first use from the one configuration: store, Spark, lake, calendar. */
final class Environment implements AutoCloseable {
    private final OneStopConfig config;
    private Store store;
    private WorkingCalendar calendar;

    Environment(OneStopConfig config) {
        this.config = config;
    }

    OneStopConfig config() {
        return config;
    }

    synchronized Store store() {
        if (store == null) {
            store = Store.open(config);
        }
        return store;
    }

    SparkSession spark() {
        return SparkSessions.get(config.string("spark.master"), config.integer("spark.shuffle_partitions"));
    }

    Lake lake() {
        return new Lake(config.lakeUri());
    }

    synchronized WorkingCalendar calendar() {
        if (calendar == null) {
            String dir = config.string("calendar.dir");
            LocalTime start = config.officeStart();
            LocalTime end = config.officeEnd();
            calendar = dir.isEmpty() ? WorkingCalendar.bundled().withOfficeHours(start, end)
                    : WorkingCalendar.fromFolder(java.nio.file.Path.of(dir), start, end);
        }
        return calendar;
    }

    Catalogue catalogue() {
        return Catalogue.bundled();
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
