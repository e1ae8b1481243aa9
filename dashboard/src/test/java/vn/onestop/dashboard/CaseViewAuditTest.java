package vn.onestop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.onestop.dashboard.sql.Sql;

/** Decision 40: every view of a dossier is in the audit log with who, which dossier, and whether it was unmasked. */
class CaseViewAuditTest extends RunningDashboard {
    private static List<String> caseViews(String username) {
        return Sql.list(store, "SELECT detail FROM audit_log WHERE username = ? AND action = 'view_case' ORDER BY id",
                rs -> rs.getString(1), username);
    }

    @Test
    void eachDossierViewIsOneAuditLineWithActorDossierAndMasking() {
        Browser inspector = browser().login("inspector");
        Browser viewer = browser().login("tuphap");
        inspector.json("/api/cases/HS-001?period=2024-03");
        inspector.json("/api/cases/HS-666?period=2024-03");
        viewer.json("/api/cases/HS-004?period=2024-03");

        assertEquals(List.of("case=HS-001 agency=S_TP unmasked=false", "case=HS-666 agency=X_XSS unmasked=false"),
                caseViews("inspector"));
        assertEquals(List.of("case=HS-004 agency=S_TP unmasked=false"), caseViews("tuphap"));
    }

    @Test
    void aRefusedOrUnknownDossierIsNotAView() {
        Browser viewer = browser().login("dakha");
        assertEquals(403, viewer.getJson("/api/cases/HS-001?period=2024-03").statusCode());
        assertEquals(403, viewer.getJson("/api/cases/NO-SUCH-CASE").statusCode());
        assertEquals(200, viewer.get("/case/HS-101").statusCode(), "the page shell alone holds no dossier data");
        assertEquals(List.of(), caseViews("dakha"));
        viewer.json("/api/cases/HS-101");
        assertEquals(List.of("case=HS-101 agency=X_DH unmasked=false"), caseViews("dakha"));
    }

    @Test
    void administratorsFindTheViewsOnTheAuditPage() {
        Browser admin = browser().login("admin");
        admin.json("/api/cases/HS-002?period=2024-03");
        var page = admin.json("/api/audit?action=view_case&user=admin");
        assertEquals(1, page.get("total").asInt());
        assertEquals("case=HS-002 agency=S_TP unmasked=false", page.get("rows").get(0).get("detail").asText());
    }
}
