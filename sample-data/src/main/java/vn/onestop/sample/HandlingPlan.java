package vn.onestop.sample;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * How an accepted dossier will be handled if nothing stops the clock: its intended fate is drawn first (on schedule,
 * late, withdrawn, stopped, stuck), then timestamps are drawn to match it, always at least a few minutes away from
 * the due time so that early / on time / late are unambiguous. The data-end cut comes later.
 */
final class HandlingPlan {
    enum Fate { ON_SCHEDULE, LATE, STUCK, WAITING, WITHDRAWN, STOPPED }

    private static final String[] APOLOGY_REASONS = {
        "Hồ sơ phải xác minh, lấy ý kiến của cơ quan, đơn vị có liên quan",
        "Chờ kết quả đo đạc, kiểm tra thực địa",
        "Cán bộ thụ lý đi công tác, chưa kịp xử lý",
        "Số lượng hồ sơ tiếp nhận tăng đột biến",
        "Hệ thống phần mềm một cửa điện tử gặp sự cố",
        "Chờ ý kiến chỉ đạo của lãnh đạo có thẩm quyền"};

    Fate fate;
    LocalDateTime received;
    LocalDateTime due;
    LocalDateTime effectiveDue;
    LocalDateTime request1;
    LocalDateTime answer1;
    LocalDateTime request2;
    LocalDateTime answer2;
    LocalDateTime finish;
    int finishStatus;
    boolean burstFinish;
    LocalDateTime returned;
    Dossier.Apology apology;
    Dossier.Rating rating;

    static HandlingPlan draw(LocalDateTime received, LocalDateTime due, Channel channel, AgencyBehaviour b,
                             ClosingBurst bursts, OfficeClock clock, LocalDateTime dataEnd, SplittableRandom rng) {
        HandlingPlan p = new HandlingPlan();
        p.received = received;
        p.due = due;
        double u = rng.nextDouble();
        p.fate = u < 0.010 ? Fate.WITHDRAWN : u < 0.013 ? Fate.STOPPED : u < 0.013 + b.stuckRate() ? Fate.STUCK
                : rng.nextDouble() < b.lateRate() * (quick(due, received) ? 0.2 : 1) ? Fate.LATE : Fate.ON_SCHEDULE;
        p.drawSupplements(b, clock, dataEnd, rng);
        p.drawFinish(clock, rng);
        if (b.closingBursts() && bursts != null) {
            p.holdForBurst(bursts, rng);
        }
        p.drawReturn(channel, clock, rng);
        p.drawApology(b, clock, rng);
        p.drawRating(rng);
        return p;
    }

    /** Same-day and next-day procedures are rarely late: there is little to wait for. */
    private static boolean quick(LocalDateTime due, LocalDateTime received) {
        return Duration.between(received, due).toHours() < 36;
    }

    /** Late by the rules, as the plan stands (the data-end cut may still leave it pending). */
    boolean late() {
        return request2 != null || fate == Fate.STUCK || (finish != null && finish.isAfter(effectiveDue));
    }

    private void drawSupplements(AgencyBehaviour b, OfficeClock clock, LocalDateTime dataEnd, SplittableRandom rng) {
        effectiveDue = due;
        if (rng.nextDouble() >= b.supplementRate()) {
            return;
        }
        long window = Duration.between(received, due).getSeconds();
        request1 = clock.between(received.plusMinutes(30), received.plusSeconds((long) (window * 0.6)), rng);
        if (request1 == null) {
            return;
        }
        if (rng.nextDouble() < 0.04 && (fate == Fate.ON_SCHEDULE || fate == Fate.LATE)) {
            fate = Fate.WAITING; // the citizen never answers
            return;
        }
        answer1 = clock.between(request1.plusHours(2), endOfDay(clock.plusWorkingDays(request1.toLocalDate(),
                1 + rng.nextInt(8))), rng);
        if (answer1 == null) {
            request1 = null;
            return;
        }
        effectiveDue = due.plus(Duration.between(request1, answer1));
        if (Math.abs(Duration.between(effectiveDue, dataEnd).toMinutes()) < 5) {
            answer1 = answer1.plusMinutes(11); // keep the effective due clear of the data end
            effectiveDue = due.plus(Duration.between(request1, answer1));
        }
        if ((fate == Fate.ON_SCHEDULE || fate == Fate.LATE) && rng.nextDouble() < 0.08) {
            request2 = clock.between(answer1.plusHours(1), endOfDay(clock.plusWorkingDays(answer1.toLocalDate(), 3)), rng);
            answer2 = request2 == null ? null : clock.between(request2.plusHours(2),
                    endOfDay(clock.plusWorkingDays(request2.toLocalDate(), 1 + rng.nextInt(5))), rng);
            if (answer2 == null) {
                request2 = null;
            }
        }
    }

    private void drawFinish(OfficeClock clock, SplittableRandom rng) {
        finishStatus = Dossier.FINISHED;
        if (fate == Fate.WITHDRAWN || fate == Fate.STOPPED) {
            LocalDateTime t = clock.between(received.plusMinutes(30), due.minusHours(2), rng);
            if (t != null) {
                finish = t;
                finishStatus = fate == Fate.WITHDRAWN ? Dossier.WITHDRAWN : Dossier.STOPPED;
                if (request1 != null && t.isBefore(request1)) {
                    request1 = null;
                    answer1 = null;
                } else if (answer1 != null && t.isBefore(answer1)) {
                    answer1 = null; // the citizen gave up instead of supplementing
                }
                effectiveDue = answer1 == null ? due : effectiveDue;
                return;
            }
            fate = Fate.ON_SCHEDULE;
        }
        if (fate == Fate.STUCK || fate == Fate.WAITING) {
            return;
        }
        LocalDateTime lastPause = answer2 != null ? answer2 : answer1 != null ? answer1 : received;
        LocalDateTime start = lastPause.plusMinutes(10 + rng.nextInt(110));
        if (fate == Fate.ON_SCHEDULE) {
            finish = onSchedule(start, clock, rng);
        }
        if (finish == null) {
            finish = late(start, clock, rng);
        }
    }

    private LocalDateTime onSchedule(LocalDateTime start, OfficeClock clock, SplittableRandom rng) {
        boolean preferOnTime = rng.nextDouble() < 0.25;
        LocalDateTime f = preferOnTime ? onTime(start, clock, rng) : null;
        if (f == null) {
            f = clock.between(start, effectiveDue.toLocalDate().atStartOfDay(), rng); // early: a day before the due day
        }
        if (f == null && !preferOnTime) {
            f = onTime(start, clock, rng);
        }
        return f;
    }

    private LocalDateTime onTime(LocalDateTime start, OfficeClock clock, SplittableRandom rng) {
        LocalDate day = effectiveDue.toLocalDate();
        if (!clock.isWorkingDay(day)) {
            return null;
        }
        LocalDateTime lo = start.isAfter(day.atStartOfDay()) ? start : day.atStartOfDay();
        return clock.between(lo, effectiveDue.minusMinutes(4), rng);
    }

    private LocalDateTime late(LocalDateTime start, OfficeClock clock, SplittableRandom rng) {
        LocalDateTime lo = start.isAfter(effectiveDue.plusMinutes(10)) ? start : effectiveDue.plusMinutes(10);
        int daysLate = 1;
        while (daysLate < 40 && rng.nextDouble() < 0.7) {
            daysLate++;
        }
        LocalDate day = clock.plusWorkingDays(effectiveDue.toLocalDate(), daysLate);
        LocalDateTime f = clock.between(lo.isAfter(day.atStartOfDay()) ? lo : day.atStartOfDay(),
                day.plusDays(1).atStartOfDay(), rng);
        return f != null ? f : clock.between(lo, endOfDay(clock.plusWorkingDays(lo.toLocalDate(), 5)), rng);
    }

    /** R10: a dossier finishing on schedule near a burst day is held and closed in the burst instead. */
    private void holdForBurst(ClosingBurst bursts, SplittableRandom rng) {
        if (finish == null || finishStatus != Dossier.FINISHED || late()) {
            return;
        }
        LocalDate burstDay = bursts.firstAfter(received.toLocalDate());
        if (burstDay == null || finish.toLocalDate().isBefore(burstDay.minusDays(ClosingBurst.HOLD_DAYS))
                || !effectiveDue.isAfter(burstDay.atTime(16, 59))
                || (answer1 != null && !answer1.isBefore(burstDay.atTime(8, 0)))) {
            return;
        }
        finish = bursts.closingInstant(burstDay, rng);
        burstFinish = true;
    }

    private void drawReturn(Channel channel, OfficeClock clock, SplittableRandom rng) {
        if (finish == null || finishStatus != Dossier.FINISHED || rng.nextDouble() < 0.04) {
            return;
        }
        if (channel == Channel.ONLINE && rng.nextDouble() < 0.7) {
            returned = finish.plusSeconds(60 + rng.nextInt(2400));
            return;
        }
        returned = clock.between(finish, endOfDay(clock.plusWorkingDays(finish.toLocalDate(), rng.nextInt(4))), rng);
        if (returned == null) {
            returned = finish.plusMinutes(5);
        }
    }

    private void drawApology(AgencyBehaviour b, OfficeClock clock, SplittableRandom rng) {
        if (!late() || finishStatus != Dossier.FINISHED || rng.nextDouble() >= b.apologyRate()) {
            return;
        }
        WorkingCalendar calendar = clock.calendar();
        LocalDateTime deadline = calendar.deadlineBefore(effectiveDue, 1);
        LocalDateTime lo = (answer1 != null ? answer1 : received).plusMinutes(30);
        boolean meantTimely = rng.nextDouble() < b.timelyApologyRate();
        LocalDateTime timelyTo = deadline.minusMinutes(29);
        if (finish != null && finish.minusMinutes(10).isBefore(timelyTo)) {
            timelyTo = finish.minusMinutes(10); // never apologise for a dossier already finished
        }
        LocalDateTime issued = meantTimely ? clock.between(lo, timelyTo, rng) : null;
        if (issued == null && meantTimely && rng.nextBoolean()) {
            return; // too short a deadline to apologise in time: half the careful agencies do not apologise at all
        }
        if (issued == null) {
            LocalDateTime lateFrom = lo.isAfter(deadline.plusMinutes(29)) ? lo : deadline.plusMinutes(29);
            LocalDateTime lateTo = finish != null ? finish.minusMinutes(10)
                    : endOfDay(clock.plusWorkingDays(effectiveDue.toLocalDate(), 10));
            issued = clock.between(lateFrom, lateTo, rng);
        }
        if (issued == null) {
            return;
        }
        LocalDate base = finish != null ? finish.toLocalDate() : clock.plusWorkingDays(effectiveDue.toLocalDate(), 5);
        LocalDate newDue = rng.nextDouble() < 0.9 ? clock.plusWorkingDays(base, rng.nextInt(3))
                : clock.plusWorkingDays(effectiveDue.toLocalDate(), 1); // a new date that is missed again (R04)
        apology = new Dossier.Apology(issued, APOLOGY_REASONS[rng.nextInt(APOLOGY_REASONS.length)], effectiveDue,
                endOfDay(newDue));
    }

    private void drawRating(SplittableRandom rng) {
        if (returned == null || rng.nextDouble() >= 0.18) {
            return;
        }
        boolean satisfied = rng.nextDouble() < (late() ? 0.6 : 0.95);
        int score = satisfied ? 3 + (rng.nextDouble() < 0.7 ? 2 : rng.nextInt(2)) : 1 + rng.nextInt(2);
        rating = new Dossier.Rating(returned.plusMinutes(10 + rng.nextInt(3 * 24 * 60)), satisfied, score);
    }

    private static LocalDateTime endOfDay(LocalDate day) {
        return day.atTime(17, 0);
    }
}
