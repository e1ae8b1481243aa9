package vn.onestop.sample;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a dossier's plan into its handling history and its fields as they stand at the data end: every event, date,
 * supplement answer, apology or rating after the data end is cut, and the status is that of the last event left.
 */
final class DossierHistory {
    private final OfficeClock clock;
    private final Officers officers;
    private final LocalDateTime dataEnd;

    DossierHistory(OfficeClock clock, Officers officers, LocalDateTime dataEnd) {
        this.clock = clock;
        this.officers = officers;
        this.dataEnd = dataEnd;
    }

    /** A dossier that was received (plan non-null) or refused at reception ({@code rejectedAt} set). */
    void apply(Dossier d, LocalDateTime received, LocalDateTime rejected, HandlingPlan plan, SplittableRandom rng) {
        Agency a = d.agency;
        String desk = Officers.oneStopUnit(a);
        String unit = d.procedure.field().unitAt(a.role());
        String receptionist = officers.receptionist(a, rng);
        String handler = officers.handler(a, rng);
        List<Dossier.Event> ev = new ArrayList<>(10);
        if (d.channel == Channel.ONLINE) {
            ev.add(new Dossier.Event(d.submittedAt, Dossier.SUBMITTED, "Nộp hồ sơ trực tuyến", "Cổng Dịch vụ công tỉnh", null));
        } else if (d.channel == Channel.POSTAL) {
            ev.add(new Dossier.Event(d.submittedAt, Dossier.SUBMITTED, "Nhận hồ sơ qua dịch vụ bưu chính công ích", desk,
                    receptionist));
        }
        if (rejected != null) {
            ev.add(new Dossier.Event(rejected, Dossier.NOT_ACCEPTED, "Từ chối tiếp nhận hồ sơ", desk, receptionist));
        } else {
            ev.add(new Dossier.Event(received, Dossier.ACCEPTED, "Tiếp nhận hồ sơ", desk, receptionist));
            steps(plan, ev, desk, unit, receptionist, handler, a, "DATDAI".equals(d.procedure.field().code()), rng);
        }
        cut(d, ev, received, rejected, plan);
    }

    private void steps(HandlingPlan p, List<Dossier.Event> ev, String desk, String unit, String receptionist,
                       String handler, Agency a, boolean landTax, SplittableRandom rng) {
        LocalDateTime next = p.request1 != null ? p.request1 : p.finish != null ? p.finish : p.received.plusDays(3);
        LocalDateTime forward = clock.between(p.received, min(next, p.received.plusDays(1)), rng);
        if (forward != null) {
            ev.add(new Dossier.Event(forward, Dossier.IN_PROGRESS, "Chuyển hồ sơ đến bộ phận giải quyết", unit, receptionist));
        }
        LocalDateTime last = forward != null ? forward : p.received;
        if (p.request1 != null) {
            ev.add(new Dossier.Event(p.request1, Dossier.SUPPLEMENT_REQUESTED, "Yêu cầu bổ sung, hoàn thiện hồ sơ", unit, handler));
            last = p.request1;
            if (p.answer1 != null) {
                ev.add(new Dossier.Event(p.answer1, Dossier.IN_PROGRESS, "Tiếp nhận hồ sơ bổ sung", desk, receptionist));
                last = p.answer1;
            }
        }
        if (p.request2 != null) {
            ev.add(new Dossier.Event(p.request2, Dossier.SUPPLEMENT_REQUESTED, "Yêu cầu bổ sung, hoàn thiện hồ sơ lần 2", unit, handler));
            ev.add(new Dossier.Event(p.answer2, Dossier.IN_PROGRESS, "Tiếp nhận hồ sơ bổ sung", desk, receptionist));
            last = p.answer2;
        }
        if (p.finish == null) {
            return;
        }
        if (p.finishStatus == Dossier.FINISHED) {
            if (landTax && rng.nextDouble() < 0.5) { // land transfers wait for the tax notice to be paid
                LocalDateTime notice = clock.between(last, p.finish, rng);
                LocalDateTime paid = notice == null ? null : clock.between(notice, p.finish, rng);
                if (paid != null) {
                    ev.add(new Dossier.Event(notice, Dossier.FEES_REQUESTED, "Thông báo nghĩa vụ tài chính", unit, handler));
                    ev.add(new Dossier.Event(paid, Dossier.IN_PROGRESS, "Hoàn thành nghĩa vụ tài chính", unit, handler));
                    last = paid;
                }
            }
            LocalDateTime approval = rng.nextDouble() < 0.7 ? clock.between(last, p.finish, rng) : null;
            if (approval != null) {
                ev.add(new Dossier.Event(approval, Dossier.IN_PROGRESS, "Trình lãnh đạo phê duyệt", Officers.leaders(a), handler));
            }
            ev.add(new Dossier.Event(p.finish, Dossier.FINISHED, "Hoàn thành giải quyết hồ sơ", unit,
                    p.burstFinish ? officers.closer(a) : handler));
            if (p.returned != null) {
                ev.add(new Dossier.Event(p.returned, Dossier.RETURNED, "Trả kết quả cho tổ chức, cá nhân", desk, receptionist));
            }
        } else if (p.finishStatus == Dossier.WITHDRAWN) {
            ev.add(new Dossier.Event(p.finish, Dossier.WITHDRAWN, "Tổ chức, cá nhân rút hồ sơ", desk, receptionist));
        } else {
            ev.add(new Dossier.Event(p.finish, Dossier.STOPPED, "Dừng giải quyết hồ sơ", unit, handler));
        }
    }

    private void cut(Dossier d, List<Dossier.Event> ev, LocalDateTime received, LocalDateTime rejected, HandlingPlan p) {
        for (Dossier.Event e : ev) {
            if (!e.at().isAfter(dataEnd)) {
                d.events.add(e);
            }
        }
        d.status = d.events.isEmpty() ? Dossier.SUBMITTED : d.events.get(d.events.size() - 1).status();
        d.rejectedAt = keep(rejected);
        d.receivedAt = keep(received);
        if (d.receivedAt == null) {
            return;
        }
        d.dueAt = p.due;
        d.finishedAt = keep(p.finish);
        d.returnedAt = keep(p.returned);
        if (keep(p.request1) != null) {
            LocalDateTime answered = keep(p.answer1);
            d.supplements.add(new Dossier.Supplement(p.request1, answered, p.due, answered == null ? null : p.effectiveDue));
        }
        if (keep(p.request2) != null) {
            LocalDateTime answered = keep(p.answer2);
            d.supplements.add(new Dossier.Supplement(p.request2, answered, p.effectiveDue,
                    answered == null ? null : p.effectiveDue.plus(Duration.between(p.request2, answered))));
        }
        if (p.apology != null && keep(p.apology.issuedAt()) != null) {
            d.apologies.add(p.apology);
        }
        if (p.rating != null && keep(p.rating.ratedAt()) != null) {
            d.rating = p.rating;
        }
    }

    private LocalDateTime keep(LocalDateTime t) {
        return t == null || t.isAfter(dataEnd) ? null : t;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
