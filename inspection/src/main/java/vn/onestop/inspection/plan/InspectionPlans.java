package vn.onestop.inspection.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.Store;
import vn.onestop.inspection.history.InspectionKind;
import vn.onestop.inspection.store.Db;

/**
 * Kế hoạch kiểm tra: the year's plan, built item by item. An item withdrawn keeps its row (removed_at), so that a
 * draw verified later sees the plan as it stood when it drew.
 */
public final class InspectionPlans {
    private final Db db;
    private final Clock clock;
    private final int noticeDays;

    /** @param noticeDays days between the announcement of a direct inspection and its start (inspection.notice_days) */
    public InspectionPlans(Store store, Clock clock, int noticeDays) {
        this.db = new Db(store);
        this.clock = clock;
        this.noticeDays = noticeDays;
    }

    public static String defaultTitle(int year) {
        return "Kế hoạch kiểm tra hoạt động kiểm soát thủ tục hành chính năm " + year;
    }

    /** The plan's title; the default one until the plan exists. */
    public String title(int year) {
        return db.first("SELECT title FROM inspection_plan WHERE plan_year = ?", rs -> rs.getString(1), year)
                .orElse(defaultTitle(year));
    }

    /**
     * Adds an agency to the year's plan in a quarter. Only direct and indirect inspections are planned (a surprise
     * is not announced); a planned start must fall in that quarter; an agency is planned once per quarter.
     */
    public long add(int year, String agencyCode, int quarter, InspectionKind kind, LocalDate plannedStart, String notes,
                    String who) {
        if (agencyCode == null || agencyCode.isBlank() || who == null || who.isBlank()) {
            throw new IllegalArgumentException("A plan item needs an agency and who adds it");
        }
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("The quarter must be 1 to 4, not " + quarter);
        }
        if (kind == InspectionKind.SURPRISE) {
            throw new IllegalArgumentException("A surprise inspection is not planned: use the draw");
        }
        LocalDate first = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        if (plannedStart != null && (plannedStart.isBefore(first) || plannedStart.isAfter(first.plusMonths(3).minusDays(1)))) {
            throw new IllegalArgumentException("The planned start " + plannedStart + " is not in quarter " + quarter
                    + " of " + year);
        }
        LocalDate notice = kind == InspectionKind.DIRECT && plannedStart != null
                ? plannedStart.minusDays(noticeDays) : null;
        String code = agencyCode.strip();
        LocalDateTime now = now();
        return db.transaction(c -> {
            if (Db.list(c, "SELECT 1 FROM inspection_plan WHERE plan_year = ?", rs -> true, year).isEmpty()) {
                Db.update(c, "INSERT INTO inspection_plan (plan_year, title, created_by, created_at) VALUES (?, ?, ?, ?)",
                        year, defaultTitle(year), who.strip(), now);
            }
            if (!Db.list(c, "SELECT 1 FROM inspection_plan_item WHERE plan_year = ? AND agency_code = ? AND quarter = ? "
                    + "AND removed_at IS NULL", rs -> true, year, code, quarter).isEmpty()) {
                throw new IllegalArgumentException(code + " is already in the " + year + " plan for quarter " + quarter);
            }
            return Db.insert(c, "INSERT INTO inspection_plan_item (plan_year, agency_code, quarter, kind, planned_start, "
                            + "notice_date, notes, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    year, code, quarter, kind.code(), plannedStart, notice,
                    notes == null || notes.isBlank() ? null : notes.strip(), who.strip(), now);
        });
    }

    /** Withdraws an item from its plan (the row stays, marked removed). */
    public void remove(long itemId, String who) {
        int changed = db.update("UPDATE inspection_plan_item SET removed_by = ?, removed_at = ? WHERE id = ? "
                + "AND removed_at IS NULL", who, now(), itemId);
        if (changed == 0) {
            throw new IllegalArgumentException("No plan item " + itemId + " to remove");
        }
    }

    public Optional<PlanItem> item(long itemId) {
        return db.first(SELECT + " WHERE id = ? AND removed_at IS NULL", InspectionPlans::item, itemId);
    }

    private static final String SELECT = "SELECT id, plan_year, agency_code, quarter, kind, planned_start, notice_date, "
            + "notes, added_by, added_at FROM inspection_plan_item";

    /** The year's items in force, by quarter then order of adding. */
    public List<PlanItem> items(int year) {
        return db.list(SELECT + " WHERE plan_year = ? AND removed_at IS NULL ORDER BY quarter, id",
                InspectionPlans::item, year);
    }

    /** Agencies in the year's plan as it stood at {@code asOf}: agency → its first planned quarter. */
    public Map<String, Integer> plannedAt(int year, LocalDateTime asOf) {
        Map<String, Integer> out = new HashMap<>();
        db.list("SELECT agency_code, MIN(quarter) AS q FROM inspection_plan_item WHERE plan_year = ? AND added_at <= ? "
                        + "AND (removed_at IS NULL OR removed_at > ?) GROUP BY agency_code",
                rs -> Map.entry(rs.getString("agency_code"), rs.getInt("q")), year, asOf, asOf)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static PlanItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PlanItem(rs.getLong("id"), rs.getInt("plan_year"), rs.getString("agency_code"), rs.getInt("quarter"),
                InspectionKind.parse(rs.getString("kind")), Db.date(rs, "planned_start"), Db.date(rs, "notice_date"),
                rs.getString("notes"), rs.getString("added_by"), Db.time(rs, "added_at"));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(RunLog.ZONE)).truncatedTo(ChronoUnit.MILLIS);
    }
}
