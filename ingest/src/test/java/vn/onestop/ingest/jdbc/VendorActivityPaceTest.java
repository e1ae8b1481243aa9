package vn.onestop.ingest.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.onestop.ingest.SmallProvinces;
import vn.onestop.ingest.TestPostgres;
import vn.onestop.sample.GeneratorOptions;
import vn.onestop.sample.vendor.VendorActivity;
import vn.onestop.sample.vendor.VendorDatabase;

/**
 * The simulated day of work moves fresh dossiers at the pace of an office and leaves the generated history's dormant
 * ones (a result nobody came for, a supplement never sent, a stuck dossier: last step over 30 days ago) almost
 * alone: the benchmark's nightly run measures an ordinary day, not the clearing of a years-long backlog.
 */
class VendorActivityPaceTest {
    private final TestPostgres db = new TestPostgres();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    /** Pending dossier id → number of history steps. */
    private static Map<Long, Integer> steps(Connection c, String lastStepCondition) throws Exception {
        Map<Long, Integer> out = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT h.id, count(*) FROM motcua.hs_hoso h "
                     + "JOIN motcua.hs_quatrinhxuly q ON q.hoso_id = h.id WHERE h.trang_thai NOT IN (2, 9, 10, 12) "
                     + "GROUP BY h.id HAVING max(q.thoi_diem) " + lastStepCondition)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getInt(2));
            }
        }
        return out;
    }

    private static int moved(Connection c, Map<Long, Integer> before) throws Exception {
        int moved = 0;
        for (Map.Entry<Long, Integer> e : before.entrySet()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM motcua.hs_quatrinhxuly WHERE hoso_id = " + e.getKey())) {
                rs.next();
                if (rs.getInt(1) > e.getValue()) {
                    moved++;
                }
            }
        }
        return moved;
    }

    @Test
    void dormantDossiersRarelyMoveWhileFreshOnesMoveOn() throws Exception {
        // A year of history, so that a backlog of dormant dossiers builds up as in the benchmark's province.
        LocalDate to = LocalDate.of(2023, 12, 31);
        Path province = SmallProvinces.generate(new GeneratorOptions(766, 3000, LocalDate.of(2023, 1, 1), to, 0));
        try (Connection c = db.connect()) {
            VendorDatabase.createSchema(c);
            VendorDatabase.load(c, province, to.atTime(23, 59, 59));
            LocalDate day = LocalDate.of(2024, 1, 2); // the first working day after the data end (1 January is a holiday)
            // Dormant on both simulated days (1 and 2 January), fresh on both.
            Map<Long, Integer> dormant = steps(c, "< '" + LocalDate.of(2024, 1, 1).minusDays(30) + "'");
            Map<Long, Integer> fresh = steps(c, ">= '" + day.minusDays(30) + "'");
            assertTrue(dormant.size() >= 20, "the generated history leaves dormant dossiers: " + dormant.size());
            assertTrue(fresh.size() >= 20, "and fresh pending ones: " + fresh.size());

            List<VendorActivity.Day> days = new VendorActivity(c, 42, 12, 0).advance(1);
            assertEquals(LocalDate.of(2024, 1, 1), days.get(0).day(), "the day after the newest change");
            days = new VendorActivity(c, 42, 12, 0).advance(1);
            assertEquals(day, days.get(0).day());

            int dormantMoved = moved(c, dormant);
            int freshMoved = moved(c, fresh);
            // 0.5 % a day for a dormant dossier (two days here); fresh work moves at 35–80 % a day depending on its step.
            assertTrue(dormantMoved <= 1 + dormant.size() / 50, dormantMoved + " of " + dormant.size() + " dormant moved");
            assertTrue(freshMoved >= fresh.size() / 4, freshMoved + " of " + fresh.size() + " fresh moved");
        }
    }
}
