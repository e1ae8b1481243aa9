package vn.onestop.sample;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * The expected answer of the case-level rules R01, R02 and R06 for one dossier as it stands at the data end —
 * computed from the dossier's published fields only, with the semantics of spec/indicators.md and spec/calendar.md
 * (see docs/sample-data.md). The analytics must reproduce exactly these flags.
 */
final class ComplianceTruth {
    private final WorkingCalendar calendar;
    private final LocalDateTime periodStart;
    private final LocalDateTime dataEnd;

    ComplianceTruth(WorkingCalendar calendar, GeneratorOptions options) {
        this.calendar = calendar;
        this.periodStart = options.from().atStartOfDay();
        this.dataEnd = options.dataEnd();
    }

    /** Rule ids broken by {@code d}, in the order R01, R02, R06. */
    List<String> rulesBroken(Dossier d) {
        List<String> rules = new ArrayList<>(3);
        if (!d.accepted()) {
            return rules;
        }
        LocalDateTime due = effectiveDue(d);
        if (late(d, due) && d.apologies.isEmpty()) {
            rules.add("R01");
        }
        LocalDateTime apologyDeadline = calendar.deadlineBefore(due, 1);
        if (d.apologies.stream().anyMatch(a -> a.issuedAt().isAfter(apologyDeadline))) {
            rules.add("R02");
        }
        LocalDateTime recordDeadline = calendar.addWorkingDays(d.receivedAt.toLocalDate(), 1).atTime(calendar.dayEnd());
        if (d.recordedAt != null && d.recordedAt.isAfter(recordDeadline)) {
            rules.add("R06");
        }
        return rules;
    }

    /** Late as of the data end: resolved late in the period, or pending and overdue at the data end. */
    boolean late(Dossier d) {
        return d.accepted() && late(d, effectiveDue(d));
    }

    /** due_at (or, when missing, the legal duration from reception) plus the pause of the first supplement request. */
    LocalDateTime effectiveDue(Dossier d) {
        LocalDateTime due = d.dueAtMissing
                ? calendar.dueAt(d.receivedAt, d.procedure.legalDuration(), d.procedure.unit()) : d.dueAt;
        Dossier.Supplement first = null;
        for (Dossier.Supplement s : d.supplements) {
            if (first == null || s.requestedAt().isBefore(first.requestedAt())) {
                first = s;
            }
        }
        return first == null || first.receivedAt() == null ? due
                : due.plus(Duration.between(first.requestedAt(), first.receivedAt()));
    }

    private boolean late(Dossier d, LocalDateTime due) {
        boolean repeatedSupplement = d.supplements.size() > 1;
        if (d.finishedAt != null) {
            boolean inPeriod = !d.finishedAt.isBefore(periodStart) && !d.finishedAt.isAfter(dataEnd);
            return inPeriod && (repeatedSupplement || d.finishedAt.isAfter(due));
        }
        boolean clockStopped = d.supplements.stream()
                .anyMatch(s -> s.receivedAt() == null && s.requestedAt().isBefore(due));
        return repeatedSupplement || (!clockStopped && dataEnd.isAfter(due));
    }
}
