package vn.onestop.dashboard.pages;

import io.javalin.http.Context;
import java.util.List;
import vn.onestop.dashboard.auth.AuditLog;
import vn.onestop.dashboard.published.Page;
import vn.onestop.dashboard.text.Formats;
import vn.onestop.dashboard.text.Labels;
import vn.onestop.dashboard.text.Language;

/**
 * Nhật ký truy cập (administrators only): sign-ins and failed attempts, sign-outs, exports and views of personal
 * data, newest first, page by page, narrowed by action or user.
 */
public final class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    public record Row(long id, String at, String atText, String username, String action, String actionText,
                      String detail) {
    }

    public record Choice(String code, String text) {
    }

    public record AuditPage(long total, int page, int pageSize, long pages, List<Choice> actions, List<Row> rows) {
    }

    public void page(Context ctx) {
        PageFiles.serve(ctx, "audit");
    }

    public void api(Context ctx) {
        Formats f = Formats.of(ViewRequest.language(ctx));
        Language lang = f.language();
        int page = AgencyController.intParam(ctx, "page", 1);
        int size = Math.min(Page.MAX_SIZE, Math.max(1, AgencyController.intParam(ctx, "size", 50)));
        Page<AuditLog.Entry> entries = audit.entries(param(ctx, "action"), param(ctx, "user"), page, size);
        List<Row> rows = entries.rows().stream().map(e -> new Row(e.id(), AgencyController.iso(e.at()),
                f.dateTime(e.at()), e.username(), e.action(), actionText(lang, e.action()), e.detail())).toList();
        List<Choice> actions = audit.actions().stream().map(a -> new Choice(a, actionText(lang, a))).toList();
        ctx.json(new AuditPage(entries.total(), entries.page(), entries.pageSize(), entries.pages(), actions, rows));
    }

    private static String actionText(Language lang, String action) {
        return Labels.getOrDefault(lang, "audit.action." + action, action);
    }

    private static String param(Context ctx, String name) {
        String s = ctx.queryParam(name);
        return s == null || s.isBlank() ? null : s.strip();
    }
}
