package vn.onestop.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.onestop.core.store.Store;

/**
 * The schedule in Quartz's JDBC job store: two instances on one database fire each time once, and an app stopped
 * across a scheduled time runs it exactly once when it comes back (the restart drill).
 */
class ScheduleTest {
    @TempDir
    Path tmp;

    /** One execution of the scheduled work: which instance ran it, for which scheduled time, and when. */
    record Fire(String instance, long scheduledAt, long firedAt) {
    }

    private static NightlySchedule.ScheduledWork recordInto(List<Fire> fires) {
        return fire -> fires.add(new Fire(fire.getScheduler().getSchedulerInstanceId(),
                fire.getScheduledFireTime().getTime(), fire.getFireTime().getTime()));
    }

    @Test
    void twoInstancesOnOneDatabaseRunEachScheduledTimeExactlyOnce() throws Exception {
        List<Fire> fires = new CopyOnWriteArrayList<>();
        try (TestStores db = TestStores.postgres(); Store one = db.open(); Store two = db.open()) {
            String everyTwoSeconds = "0/2 * * * * ?";
            Duration misfire = Duration.ofSeconds(60);
            NightlySchedule a = NightlySchedule.start(one, new NightlySchedule.Settings(everyTwoSeconds, "node-a",
                    misfire), recordInto(fires));
            NightlySchedule b = NightlySchedule.start(two, new NightlySchedule.Settings(everyTwoSeconds, "node-b",
                    misfire), recordInto(fires));
            Thread.sleep(13_000);
            a.stop(true);
            b.stop(true);
        }
        List<Long> times = fires.stream().map(Fire::scheduledAt).sorted().toList();
        assertTrue(times.size() >= 5, "fired " + fires);
        assertEquals(times.size(), times.stream().distinct().count(), "a scheduled time ran twice: " + fires);
        for (int i = 1; i < times.size(); i++) {
            assertEquals(2000, times.get(i) - times.get(i - 1), "a scheduled time was skipped: " + fires);
        }
        assertTrue(fires.stream().allMatch(f -> f.instance().equals("node-a") || f.instance().equals("node-b")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anAppStoppedAcrossItsScheduledTimeRunsItOnceWhenItComesBack(String kind) throws Exception {
        TestStores db = kind.equals("postgres") ? TestStores.postgres() : null;
        try {
            ZonedDateTime at = ZonedDateTime.now(NightlySchedule.ZONE.toZoneId()).plusSeconds(4).withNano(0);
            // One time only (a year in the cron): the night's run at `at`.
            String cron = DateTimeFormatter.ofPattern("s m H d M '?' yyyy").format(at);
            NightlySchedule.Settings settings = new NightlySchedule.Settings(cron, "drill", Duration.ofSeconds(1));
            List<Fire> fires = new CopyOnWriteArrayList<>();
            try (Store store = db == null ? TestStores.h2(tmp) : db.open()) {
                NightlySchedule.start(store, settings, recordInto(fires)).stop(true);
            }
            long restart = at.toInstant().toEpochMilli() + 3_000;
            Thread.sleep(Math.max(0, restart - System.currentTimeMillis()));
            assertEquals(List.of(), fires, "nothing runs while the app is down");

            try (Store store = db == null ? TestStores.h2(tmp) : db.open()) {
                NightlySchedule schedule = NightlySchedule.start(store, settings, recordInto(fires));
                for (int i = 0; i < 100 && fires.isEmpty(); i++) {
                    Thread.sleep(100);
                }
                Thread.sleep(3_000);
                schedule.stop(true);
            }
            assertEquals(1, fires.size(), "the missed time runs once: " + fires);
            Fire fire = fires.get(0);
            // FIRE_ONCE_NOW moves the missed time to the moment the misfire is noticed, at the restart.
            assertTrue(fire.scheduledAt() >= restart && fire.firedAt() >= restart, "ran as a misfire: " + fire);
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void aChangedCronReplacesTheStoredScheduleAndAnUnchangedOneKeepsIt() throws Exception {
        List<Fire> fires = new ArrayList<>();
        try (Store store = TestStores.h2(tmp)) {
            Duration misfire = Duration.ofSeconds(60);
            NightlySchedule.start(store, new NightlySchedule.Settings("0 0 2 * * ?", "x", misfire), recordInto(fires))
                    .stop(true);
            assertEquals(List.of("0 0 2 * * ?"), ScheduleTest.storedCrons(store));
            NightlySchedule.start(store, new NightlySchedule.Settings("0 30 3 * * ?", "x", misfire), recordInto(fires))
                    .stop(true);
            assertEquals(List.of("0 30 3 * * ?"), ScheduleTest.storedCrons(store));
        }
    }

    private static List<String> storedCrons(Store store) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = store.connection(); var rs = c.createStatement().executeQuery(
                "SELECT cron_expression FROM qrtz_cron_triggers")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
