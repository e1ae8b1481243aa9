package vn.onestop.sample;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * Creates one dossier submitted on a given day: where it goes, how it arrives, who applies, how it is handled and
 * what the one-stop system knows about it at the data end.
 */
final class DossierFactory {
    private static final LocalDate DIGITAL_START = LocalDate.of(2023, 1, 1);

    private final Province province;
    private final OfficeClock clock;
    private final WorkingCalendar calendar;
    private final AgencyDraw draw;
    private final AgencyBehaviour[] behaviours;
    private final ClosingBurst bursts;
    private final People people = new People();
    private final DossierHistory history;
    private final LocalDateTime dataEnd;
    private final List<Agency> newCommunes;

    DossierFactory(Province province, OfficeClock clock, AgencyDraw draw, AgencyBehaviour[] behaviours,
                   ClosingBurst bursts, LocalDateTime dataEnd) {
        this.province = province;
        this.clock = clock;
        this.calendar = clock.calendar();
        this.draw = draw;
        this.behaviours = behaviours;
        this.bursts = bursts;
        this.history = new DossierHistory(clock, new Officers(), dataEnd);
        this.dataEnd = dataEnd;
        this.newCommunes = province.ofRole(AgencyRole.NEW_COMMUNE);
    }

    Dossier create(LocalDate day, SplittableRandom rng) {
        boolean restDay = !clock.isWorkingDay(day);
        Agency agency = draw.agency(day, restDay, rng);
        Procedure procedure = draw.procedure(agency, restDay, rng);
        AgencyBehaviour b = behaviours[agency.index()];
        Channel channel = restDay ? Channel.ONLINE : channel(procedure, b, day, rng);
        LocalDateTime submitted = submission(day, channel, rng);
        LocalDateTime received = reception(submitted, channel, rng);
        if (!agency.validOn(received.toLocalDate())) {
            agency = successor(agency); // submitted to an old commune, received after the merger
            b = behaviours[agency.index()];
        }
        Dossier d = new Dossier(agency, procedure, channel);
        d.source = agency.role() == AgencyRole.VERTICAL ? "bhxh-vn" : "motcua-h37";
        d.submittedAt = submitted;
        people.fill(d, rng);
        if (rng.nextDouble() < 0.025) {
            LocalDateTime rejected = channel == Channel.DIRECT ? submitted.plusMinutes(5 + rng.nextInt(20)) : received;
            history.apply(d, null, rejected, null, rng);
        } else {
            LocalDateTime due = calendar.dueAt(received, procedure.legalDuration(), procedure.unit());
            HandlingPlan plan = HandlingPlan.draw(received, due, channel, b, bursts, clock, dataEnd, rng);
            history.apply(d, received, null, plan, rng);
            d.dueAtMissing = rng.nextDouble() < 0.01;
        }
        d.recordedAt = recorded(d, b, rng);
        if (d.receivedAt != null && agency.role() == AgencyRole.NEW_COMMUNE && channel == Channel.DIRECT
                && rng.nextDouble() < 0.07) {
            Agency elsewhere = newCommunes.get(rng.nextInt(newCommunes.size()));
            d.receivingAgencyCode = elsewhere == agency ? null : elsewhere.code(); // received anywhere in the province
        }
        attributes(d, rng);
        return d;
    }

    private Channel channel(Procedure p, AgencyBehaviour b, LocalDate day, SplittableRandom rng) {
        if (!p.onlineCapable()) {
            return rng.nextDouble() < 0.07 ? Channel.POSTAL : Channel.DIRECT;
        }
        double years = ChronoUnit.DAYS.between(DIGITAL_START, day) / 365.0;
        double online = Math.min(0.95, b.onlineBase() * (0.8 + 0.12 * years) * ("FULL".equals(p.onlineLevel()) ? 1.1 : 0.85));
        if (rng.nextDouble() < online) {
            return Channel.ONLINE;
        }
        return rng.nextDouble() < 0.1 ? Channel.POSTAL : Channel.DIRECT;
    }

    private LocalDateTime submission(LocalDate day, Channel channel, SplittableRandom rng) {
        if (channel == Channel.ONLINE && (!clock.isWorkingDay(day) || rng.nextDouble() < 0.3)) {
            return day.atTime(6, 0).plusSeconds(rng.nextInt(17 * 3600)); // evenings and rest days too
        }
        return clock.randomOn(day, rng);
    }

    private LocalDateTime reception(LocalDateTime submitted, Channel channel, SplittableRandom rng) {
        if (channel == Channel.DIRECT) {
            return submitted.plusSeconds(60 + rng.nextInt(420));
        }
        long delayMinutes = 5 + (long) (-Math.log(1 - rng.nextDouble()) * (channel == Channel.ONLINE ? 180 : 90));
        LocalDateTime wanted = submitted.plusMinutes(delayMinutes);
        LocalDateTime t = clock.atOrAfter(wanted);
        return t.equals(wanted) ? t : clock.atOrAfter(t.plusMinutes(1 + rng.nextInt(90)));
    }

    private Agency successor(Agency a) {
        if (a.successorCode() != null) {
            return province.agency(a.successorCode());
        }
        for (Agency c : province.ofRole(AgencyRole.COMMUNE)) {
            if (a.code().equals(c.parentCode())) {
                return province.agency(c.successorCode()); // a district's work went to its communes
            }
        }
        throw new IllegalStateException(a.code() + " has no successor");
    }

    /** When the one-stop system first stored the dossier: at submission online, at the counter otherwise. */
    private LocalDateTime recorded(Dossier d, AgencyBehaviour b, SplittableRandom rng) {
        if (d.channel == Channel.ONLINE) {
            return d.submittedAt.plusSeconds(1 + rng.nextInt(20));
        }
        LocalDateTime atCounter = d.receivedAt != null ? d.receivedAt : d.rejectedAt != null ? d.rejectedAt : d.submittedAt;
        if (d.receivedAt != null && rng.nextDouble() < b.afterTheFactRate()) {
            int days = 2;
            while (days < 12 && rng.nextDouble() < 0.6) {
                days++;
            }
            LocalDateTime later = clock.randomOn(clock.plusWorkingDays(d.receivedAt.toLocalDate(), days), rng);
            if (!later.isAfter(dataEnd)) {
                return later; // typed in from the paper register days later
            }
        }
        return atCounter.plusSeconds(30 + rng.nextInt(690));
    }

    private void attributes(Dossier d, SplittableRandom rng) {
        double years = ChronoUnit.DAYS.between(DIGITAL_START, d.submittedAt.toLocalDate()) / 365.0;
        boolean online = d.channel == Channel.ONLINE;
        boolean person = d.applicantKind == 1;
        d.hasUploadedComponents = online ? rng.nextDouble() < 0.97 : rng.nextDouble() < Math.min(0.95, 0.35 + 0.17 * years);
        d.reusedDigitizedData = rng.nextDouble() < Math.min(0.9, 0.12 + 0.12 * years + (online ? 0.08 : 0));
        d.fromPersonalStore = online && person && rng.nextDouble() < Math.min(0.8, 0.08 + 0.1 * years);
        d.vneidVerified = online && person && rng.nextDouble() < Math.min(0.95, 0.35 + 0.17 * years);
        d.populationDbUsed = person && rng.nextDouble() < Math.min(0.9, 0.3 + 0.15 * years);
        boolean resolvedWithResult = d.finishedAt != null && (d.status == Dossier.FINISHED || d.status == Dossier.RETURNED);
        d.eResultIssued = resolvedWithResult && d.procedure.resultIsDocument()
                && rng.nextDouble() < Math.min(0.97, 0.55 + 0.12 * years + (online ? 0.08 : 0));
        if (d.procedure.hasFee() && d.accepted()) {
            long pages = "CHUNGTHUC".equals(d.procedure.field().code()) ? 1 + rng.nextInt(8) : 1;
            d.feeAmount = rng.nextDouble() < 0.04 ? 0L : d.procedure.feeVnd() * pages;
            double r = rng.nextDouble();
            if (d.feeAmount > 0) {
                d.paidOnline = online ? (r < Math.min(0.75, 0.3 + 0.15 * years) ? 1 : r < 0.9 ? 2 : 0)
                        : (r < 0.05 + 0.05 * years ? 2 : 0);
            }
        }
        d.updatedAt = lastChange(d);
        d.syncedAt = synced(d, rng);
    }

    private static LocalDateTime lastChange(Dossier d) {
        LocalDateTime last = d.recordedAt;
        for (Dossier.Event e : d.events) {
            last = later(last, e.at());
        }
        for (Dossier.Apology a : d.apologies) {
            last = later(last, a.issuedAt());
        }
        return last;
    }

    /** Last sync to the national portal: usually minutes to hours after the last change, sometimes late or never. */
    private LocalDateTime synced(Dossier d, SplittableRandom rng) {
        double r = rng.nextDouble();
        if (r < 0.03) {
            return null;
        }
        Duration delay = r < 0.05 ? Duration.ofHours(25 + rng.nextInt(96))
                : Duration.ofSeconds((long) (120 + -Math.log(1 - rng.nextDouble()) * 5400));
        LocalDateTime sync = d.updatedAt.plus(delay);
        if (!sync.isAfter(dataEnd)) {
            return sync;
        }
        LocalDateTime previous = d.events.size() >= 2 ? d.events.get(d.events.size() - 2).at() : d.recordedAt;
        sync = later(previous, d.recordedAt).plusMinutes(3 + rng.nextInt(60));
        return sync.isAfter(dataEnd) || sync.isAfter(d.updatedAt) ? null : sync;
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
