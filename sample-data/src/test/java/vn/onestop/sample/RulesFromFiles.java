package vn.onestop.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.onestop.core.calendar.DurationUnit;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * A plain re-implementation of the late / apology / recording rules (docs/sample-data.md) over the generated CSV
 * files, written without looking at the generator's internals: what the analytics has to compute.
 */
final class RulesFromFiles {
    final WorkingCalendar calendar = WorkingCalendar.bundled();
    final CsvTable cases;
    private final Map<String, CsvTable.Row> procedures;
    private final Map<String, List<CsvTable.Row>> supplements;
    final Map<String, List<CsvTable.Row>> apologies;
    private final LocalDateTime periodStart;
    private final LocalDateTime dataEnd;

    RulesFromFiles(Path dir, GeneratorOptions options) {
        cases = Sample.table(dir, "case.csv");
        procedures = Sample.table(dir, "procedure.csv").byKey("procedure_code");
        supplements = Sample.table(dir, "case_supplement.csv").groupBy("case_id");
        apologies = Sample.table(dir, "case_apology.csv").groupBy("case_id");
        periodStart = options.from().atStartOfDay();
        dataEnd = options.to().atTime(23, 59, 59);
    }

    boolean accepted(CsvTable.Row c) {
        return c.has("received_at") && !c.get("status").equals("1") && !c.get("status").equals("3");
    }

    LocalDateTime effectiveDue(CsvTable.Row c) {
        LocalDateTime received = c.time("received_at");
        LocalDateTime due = c.time("due_at");
        if (due == null) {
            CsvTable.Row p = procedures.get(c.get("procedure_code"));
            due = calendar.dueAt(received, Long.parseLong(p.get("legal_duration")), DurationUnit.parse(p.get("duration_unit")));
        }
        List<CsvTable.Row> sup = supplements.getOrDefault(c.get("case_id"), List.of());
        CsvTable.Row first = sup.stream().min(Comparator.comparing(s -> s.time("requested_at"))).orElse(null);
        if (first == null || first.time("received_at") == null) {
            return due;
        }
        return due.plus(Duration.between(first.time("requested_at"), first.time("received_at")));
    }

    /** Resolved late within [from, to], or still pending and overdue at the data end; two supplement requests = late. */
    boolean late(CsvTable.Row c) {
        if (!accepted(c)) {
            return false;
        }
        LocalDateTime due = effectiveDue(c);
        List<CsvTable.Row> sup = supplements.getOrDefault(c.get("case_id"), List.of());
        boolean twice = sup.size() >= 2;
        LocalDateTime finished = c.time("finished_at");
        if (finished != null) {
            return !finished.isBefore(periodStart) && !finished.isAfter(dataEnd) && (twice || finished.isAfter(due));
        }
        boolean waitingSinceBeforeDue = sup.stream()
                .anyMatch(s -> s.time("received_at") == null && s.time("requested_at").isBefore(due));
        return twice || (!waitingSinceBeforeDue && dataEnd.isAfter(due));
    }

    boolean apologisedTooLate(CsvTable.Row c) {
        if (!accepted(c)) {
            return false;
        }
        LocalDateTime deadline = calendar.deadlineBefore(effectiveDue(c), 1);
        return apologies.getOrDefault(c.get("case_id"), List.of()).stream()
                .anyMatch(a -> a.time("issued_at").isAfter(deadline));
    }

    boolean recordedAfterTheFact(CsvTable.Row c) {
        if (!accepted(c)) {
            return false;
        }
        LocalDateTime limit = calendar.addWorkingDays(c.time("received_at").toLocalDate(), 1).atTime(17, 0);
        return c.time("recorded_at").isAfter(limit);
    }

    boolean hasApology(CsvTable.Row c) {
        return apologies.containsKey(c.get("case_id"));
    }

    Set<String> r01() {
        Set<String> ids = new TreeSet<>();
        for (CsvTable.Row c : cases.rows()) {
            if (late(c) && !hasApology(c)) {
                ids.add(c.get("case_id"));
            }
        }
        return ids;
    }

    Set<String> r02() {
        Set<String> ids = new TreeSet<>();
        for (CsvTable.Row c : cases.rows()) {
            if (apologisedTooLate(c)) {
                ids.add(c.get("case_id"));
            }
        }
        return ids;
    }

    Set<String> r06() {
        Set<String> ids = new TreeSet<>();
        for (CsvTable.Row c : cases.rows()) {
            if (recordedAfterTheFact(c)) {
                ids.add(c.get("case_id"));
            }
        }
        return ids;
    }
}
