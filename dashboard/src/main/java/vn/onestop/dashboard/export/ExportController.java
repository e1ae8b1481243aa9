package vn.onestop.dashboard.export;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import vn.onestop.dashboard.auth.AuditLog;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.PubValue;
import vn.onestop.dashboard.published.PublishedResults;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.pages.AgencyFilter;
import vn.onestop.dashboard.pages.ViewRequest;
import vn.onestop.dashboard.text.Language;

/**
 * Xuất CSV / Xuất Excel of the indicator table of a period, with the ranking's filters. Province-wide users get
 * the province and group roll-ups too; agency viewers only the agencies they may see. Every export is audited.
 */
public final class ExportController {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PublishedResults results;
    private final AuditLog audit;
    private final String provinceCode;
    private final String provinceName;

    public ExportController(PublishedResults results, AuditLog audit, String provinceCode, String provinceName) {
        this.results = results;
        this.audit = audit;
        this.provinceCode = provinceCode;
        this.provinceName = provinceName;
    }

    private record Export(ViewRequest view, List<IndicatorExportRow> rows) {
    }

    public void csv(Context ctx) throws IOException {
        Export export = build(ctx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvIndicatorWriter.write(export.rows(), out);
        send(ctx, export, "csv", "text/csv; charset=utf-8", out.toByteArray());
    }

    public void xlsx(Context ctx) throws IOException {
        Export export = build(ctx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxIndicatorWriter.write(export.rows(), out);
        send(ctx, export, "xlsx", XLSX, out.toByteArray());
    }

    private Export build(Context ctx) {
        ViewRequest view = ViewRequest.of(ctx, results);
        Predicate<Agency> filter = AgencyFilter.of(ctx, view);
        List<IndicatorExport.Scope> rollUps = new ArrayList<>();
        List<PubValue> values = results.values(view.runId(), view.period());
        if (view.scope().isProvinceWide() && AgencyFilter.isUnfiltered(ctx)) {
            rollUps.add(new IndicatorExport.Scope(provinceCode, provinceName));
            values.stream().filter(v -> PubValue.GROUP.equals(v.scopeKind())).map(PubValue::scopeCode).distinct()
                    .sorted().forEach(g -> rollUps.add(
                            new IndicatorExport.Scope(g, view.catalogue().groupName(g, Language.VI))));
        }
        return new Export(view, IndicatorExport.rows(view.catalogue(), view.period(), values, rollUps,
                view.scope().agencies().stream().filter(filter).toList()));
    }

    /**
     * Báo cáo 06a/06b: the official progress report of a period as XLSX — by default the latest complete official
     * report month. The whole province with its group subtotals and total; an agency viewer, or a filtered
     * request, gets only the agencies asked for and may see, added up, and no province figure.
     */
    public void report06(Context ctx) throws IOException {
        ViewRequest view = ViewRequest.of(ctx, results, RunCatalogue::defaultReportPeriod);
        Predicate<Agency> filter = AgencyFilter.of(ctx, view);
        List<PubValue> values = results.values(view.runId(), view.period());
        Set<String> withValues = values.stream().map(PubValue::scopeCode).collect(Collectors.toSet());
        List<Agency> agencies = view.scope().agencies().stream()
                .filter(a -> a.existedDuring(view.period()) || withValues.contains(a.code()))
                .filter(filter).toList();
        Report06 report = view.scope().isProvinceWide() && AgencyFilter.isUnfiltered(ctx)
                ? Report06.province(view.catalogue(), view.period(), values, agencies, provinceCode,
                        Labels.format(Language.VI, "report06.total", provinceName))
                : Report06.part(view.catalogue(), view.period(), values, agencies,
                        Labels.get(Language.VI, "report06.sum"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxReport06Writer.write(report, new XlsxReport06Writer.Provenance(view.runId(),
                Formats.of(Language.VI).dateTime(view.catalogue().publishedAt())), out);
        audit.record(view.user().username(), AuditLog.EXPORT, "report06.xlsx run=" + view.runId() + " period="
                + view.period().id() + " rows=" + report.detail().size()
                + (ctx.queryString() == null ? "" : " query=" + ctx.queryString()));
        attachment(ctx, "bao-cao-06a_" + view.period().id() + ".xlsx", XLSX, out.toByteArray());
    }

    private void send(Context ctx, Export export, String extension, String contentType, byte[] body) {
        ViewRequest view = export.view();
        audit.record(view.user().username(), AuditLog.EXPORT, "indicators." + extension + " run=" + view.runId()
                + " period=" + view.period().id() + " rows=" + export.rows().size()
                + (ctx.queryString() == null ? "" : " query=" + ctx.queryString()));
        attachment(ctx, "chi-so_" + view.period().id() + "." + extension, contentType, body);
    }

    private static void attachment(Context ctx, String file, String contentType, byte[] body) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.contentType(contentType).result(body);
    }
}
