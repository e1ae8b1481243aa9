package vn.onestop.dashboard.inspection;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.onestop.core.store.RunLog;
import vn.onestop.dashboard.auth.AccessControl;
import vn.onestop.dashboard.auth.AuditLog;
import vn.onestop.dashboard.pages.Names;
import vn.onestop.dashboard.pages.PageFiles;
import vn.onestop.dashboard.pages.ViewRequest;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;
import vn.onestop.dashboard.text.VietnameseOrder;
import vn.onestop.inspection.Inspection;
import vn.onestop.inspection.history.InspectionKind;
import vn.onestop.inspection.plan.PlanItem;
import vn.onestop.inspection.plan.PlanWorkbook;

/**
 * Kế hoạch kiểm tra: the year's plan — add an agency in a quarter (directly or indirectly; a direct inspection's
 * notice date follows from its planned start), withdraw an item, export the appendix as XLSX.
 */
public final class PlanController {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    private final PublishedResults results;
    private final Inspection inspection;
    private final AuditLog audit;
    private final Clock clock;

    public PlanController(PublishedResults results, Inspection inspection, AuditLog audit, Clock clock) {
        this.results = results;
        this.inspection = inspection;
        this.audit = audit;
        this.clock = clock;
    }

    public record ItemRow(long id, String code, String name, int quarter, String quarterText, String kind,
                          String kindText, String plannedStart, String noticeDate, String notes, String addedBy,
                          String addedAt) {
    }

    public record AgencyOption(String code, String name, String kindText) {
    }

    public record PlanPage(int year, String title, int noticeDays, List<ItemRow> items, List<AgencyOption> agencies) {
    }

    /** The answer to a withdrawal. */
    public record Removed(long removed) {
    }

    public record ItemForm(Integer year, String agency, Integer quarter, String kind, String plannedStart,
                           String notes) {
    }

    public void page(Context ctx) {
        PageFiles.serve(ctx, "plan");
    }

    private int year(Context ctx) {
        String asked = ctx.queryParam("year");
        if (asked == null || asked.isBlank()) {
            return LocalDate.now(clock.withZone(RunLog.ZONE)).getYear();
        }
        try {
            int y = Integer.parseInt(asked.strip());
            if (y < 2000 || y > 2100) {
                throw new NumberFormatException();
            }
            return y;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("year must be a year like 2024");
        }
    }

    public void api(Context ctx) {
        int year = year(ctx);
        Language lang = ViewRequest.language(ctx);
        Formats f = Formats.of(lang);
        List<Agency> agencies = results.current().map(c -> c.agencies()).orElse(List.of());
        Map<String, Agency> byCode = agencies.stream().collect(Collectors.toMap(Agency::code, a -> a));
        List<ItemRow> items = inspection.plans().items(year).stream().map(i -> row(i, byCode.get(i.agencyCode()), f))
                .toList();
        List<AgencyOption> options = agencies.stream().filter(a -> a.validTo() == null || a.validTo().getYear() >= year)
                .sorted(VietnameseOrder.by(Agency::name))
                .map(a -> new AgencyOption(a.code(), a.name(), Names.kind(lang, a.kind()))).toList();
        ctx.json(new PlanPage(year, inspection.plans().title(year), inspection.defaults().noticeDays(), items, options));
    }

    private static ItemRow row(PlanItem i, Agency a, Formats f) {
        Language lang = f.language();
        return new ItemRow(i.id(), i.agencyCode(), a == null ? i.agencyCode() : a.name(), i.quarter(),
                Labels.format(lang, "plan.quarter", ROMAN[i.quarter() - 1]), i.kind().code(),
                Labels.get(lang, "inspection.kind." + i.kind().code()), f.date(i.plannedStart()),
                f.date(i.noticeDate()), i.notes(), i.addedBy(), f.dateTime(i.addedAt()));
    }

    public void add(Context ctx) {
        ItemForm form;
        try {
            form = ctx.bodyAsClass(ItemForm.class);
        } catch (RuntimeException e) {
            throw new BadRequestResponse("Unreadable plan item");
        }
        if (form.year() == null || form.quarter() == null || form.agency() == null || form.kind() == null) {
            throw new BadRequestResponse("year, agency, quarter and kind are needed");
        }
        LocalDate start;
        try {
            start = form.plannedStart() == null || form.plannedStart().isBlank() ? null
                    : LocalDate.parse(form.plannedStart().strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("plannedStart must be a date like 2024-05-06");
        }
        long id = InspectionErrors.badRequest(() -> inspection.plans().add(form.year(), form.agency(), form.quarter(),
                InspectionKind.parse(form.kind()), start, form.notes(), AccessControl.user(ctx).username()));
        Formats f = Formats.of(ViewRequest.language(ctx));
        PlanItem item = inspection.plans().item(id).orElseThrow();
        ctx.json(row(item, results.current().flatMap(c -> c.agency(item.agencyCode())).orElse(null), f));
    }

    public void remove(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        inspection.plans().item(id).orElseThrow(NotFoundResponse::new);
        InspectionErrors.badRequest(() -> {
            inspection.plans().remove(id, AccessControl.user(ctx).username());
            return id;
        });
        ctx.json(new Removed(id));
    }

    public void export(Context ctx) throws IOException {
        int year = year(ctx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanWorkbook.write(year, inspection.plans(), inspection.published().currentRunId()
                .map(run -> inspection.published().agencies(run)).orElse(List.of()), out);
        audit.record(AccessControl.user(ctx).username(), AuditLog.EXPORT, "inspection-plan.xlsx year=" + year);
        ctx.header("Content-Disposition", "attachment; filename=\"ke-hoach-kiem-tra-" + year + ".xlsx\"");
        ctx.contentType(XLSX).result(out.toByteArray());
    }
}
