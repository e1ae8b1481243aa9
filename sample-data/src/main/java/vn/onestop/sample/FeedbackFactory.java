package vn.onestop.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Feedback and petitions (PAKN): some about a dossier (more often when it was late or rated badly), some about an
 * agency in general; most handled within the deadlines of indicator 766.5.2, some not.
 */
final class FeedbackFactory {
    private final OfficeClock clock;
    private final Province province;
    private final LocalDateTime dataEnd;
    private long next = 1;

    FeedbackFactory(OfficeClock clock, Province province, LocalDateTime dataEnd) {
        this.clock = clock;
        this.province = province;
        this.dataEnd = dataEnd;
    }

    void maybeFor(Dossier d, boolean late, CsvSink out, SplittableRandom rng) {
        boolean dissatisfied = d.rating != null && !d.rating.satisfied();
        if (d.receivedAt != null && rng.nextDouble() < 0.015 + (late ? 0.12 : 0) + (dissatisfied ? 0.3 : 0)) {
            LocalDateTime anchor = d.finishedAt != null ? d.finishedAt : d.receivedAt;
            write(d.agency, d.caseId, daytimeAfter(anchor, 1 + rng.nextInt(15), rng), late, out, rng);
        }
        if (rng.nextDouble() < 0.008) {
            LocalDateTime at = daytimeAfter(d.submittedAt, rng.nextInt(20), rng);
            Agency about = d.agency.validOn(at.toLocalDate()) ? d.agency : currentOf(d.agency);
            write(about, null, at, false, out, rng);
        }
    }

    private void write(Agency agency, String caseId, LocalDateTime submitted, boolean late, CsvSink out,
                       SplittableRandom rng) {
        if (submitted.isAfter(dataEnd) || agency == null) {
            return;
        }
        double c = rng.nextDouble();
        String category = late ? (c < 0.3 ? "RULE" : c < 0.75 ? "CONDUCT" : "OTHER")
                : (c < 0.4 ? "RULE" : c < 0.6 ? "CONDUCT" : "OTHER");
        LocalDate day = submitted.toLocalDate();
        LocalDateTime received = clock.between(submitted, endOfDay(clock.plusWorkingDays(day, 2)), rng);
        LocalDateTime rejected = null;
        LocalDateTime supplement = null;
        LocalDateTime handled = null;
        LocalDateTime published = null;
        if (received != null && rng.nextDouble() < 0.08) {
            rejected = clock.between(received, endOfDay(clock.plusWorkingDays(day, rng.nextDouble() < 0.85 ? 2 : 5)), rng);
        } else if (received != null) {
            if (rng.nextDouble() < 0.1) {
                supplement = clock.between(received, endOfDay(clock.plusWorkingDays(day, rng.nextDouble() < 0.85 ? 5 : 9)), rng);
            }
            LocalDateTime from = supplement != null ? supplement : received;
            handled = clock.between(from, endOfDay(clock.plusWorkingDays(day, rng.nextDouble() < 0.85 ? 15 : 25)), rng);
            if (handled != null && rng.nextDouble() < 0.95) {
                published = clock.between(handled, endOfDay(clock.plusWorkingDays(handled.toLocalDate(),
                        rng.nextDouble() < 0.9 ? 2 : 8)), rng);
            }
        }
        published = keep(published);
        boolean answered = published != null;
        out.row(String.format("PAKN-%07d", next++), agency.code(), caseId, category, submitted, keep(received),
                keep(rejected), keep(supplement), keep(handled), published, answered ? rng.nextInt(13) : 0,
                answered ? rng.nextInt("CONDUCT".equals(category) ? 8 : 4) : 0, answered && rng.nextDouble() < 0.05);
    }

    /** Citizens write between 06:00 and 23:00, {@code days} days after {@code t} (later the same day for 0). */
    private static LocalDateTime daytimeAfter(LocalDateTime t, int days, SplittableRandom rng) {
        LocalDateTime at = t.toLocalDate().plusDays(days).atTime(6, 0).plusSeconds(rng.nextInt(17 * 3600));
        return at.isAfter(t) ? at : t.plusMinutes(30 + rng.nextInt(120));
    }

    private Agency currentOf(Agency a) {
        if (a.successorCode() != null) {
            return province.agency(a.successorCode());
        }
        return a.role() == AgencyRole.DISTRICT ? null : a;
    }

    private LocalDateTime keep(LocalDateTime t) {
        return t == null || t.isAfter(dataEnd) ? null : t;
    }

    private static LocalDateTime endOfDay(LocalDate day) {
        return day.atTime(17, 0);
    }
}
