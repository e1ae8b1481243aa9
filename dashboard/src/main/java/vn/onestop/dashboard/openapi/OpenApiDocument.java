package vn.onestop.dashboard.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import vn.onestop.dashboard.inspection.AgencyInspectionController;
import vn.onestop.dashboard.inspection.DrawController;
import vn.onestop.dashboard.inspection.PlanController;
import vn.onestop.dashboard.inspection.RiskController;
import vn.onestop.dashboard.ops.Health;
import vn.onestop.dashboard.pages.AgencyController;
import vn.onestop.dashboard.pages.AuditController;
import vn.onestop.dashboard.pages.CaseController;
import vn.onestop.dashboard.pages.DataController;
import vn.onestop.dashboard.pages.IndicatorController;
import vn.onestop.dashboard.pages.LoginController;
import vn.onestop.dashboard.pages.OverviewController;
import vn.onestop.dashboard.pages.RankingController;
import vn.onestop.dashboard.pages.RunsController;
import vn.onestop.dashboard.pages.ShellController;

/**
 * {@code /api/openapi.json}: the operations as written by hand in {@code api/openapi.json} (paths, parameters,
 * roles in {@code x-roles}, security, descriptions) with the response schemas generated from the records the
 * handlers answer with (decision 43). Built once at start; a reference to a schema that does not exist stops the
 * start. {@code OpenApiTest} holds the document to the route table and to real responses.
 */
public final class OpenApiDocument {
    /** The records handlers pass to {@code ctx.json}; the records they hold are found from these. */
    static final List<Class<?>> RESPONSES = List.of(
            LoginController.LoginToken.class, ShellController.Dictionary.class, ShellController.Shell.class,
            OverviewController.Overview.class, RankingController.Ranking.class, IndicatorController.IndicatorPage.class,
            AgencyController.ListItem.class, AgencyController.AgencyPage.class, AgencyController.CasePage.class,
            AgencyController.ProcedureFlagPage.class, CaseController.CasePage.class, DataController.DataPage.class,
            DataController.QuarantinePage.class,
            AuditController.AuditPage.class, RunsController.RunsPage.class, RunsController.RunRow.class,
            RunsController.Cancelled.class, RiskController.RiskPage.class, RiskController.RateRow.class,
            DrawController.DrawsPage.class, DrawController.DrawView.class, DrawController.VerificationView.class,
            PlanController.PlanPage.class, PlanController.ItemRow.class, PlanController.Removed.class,
            AgencyInspectionController.AgencyInspectionPage.class, AgencyInspectionController.SampleView.class,
            AgencyInspectionController.OutcomeView.class, Health.Liveness.class, Health.Readiness.class);

    private final byte[] json;

    private OpenApiDocument(byte[] json) {
        this.json = json;
    }

    public static OpenApiDocument load() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc;
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/api/openapi.json")) {
            doc = (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read api/openapi.json", e);
        }
        RecordSchemas generated = new RecordSchemas();
        RESPONSES.forEach(generated::add);
        ObjectNode schemas = (ObjectNode) doc.get("components").get("schemas");
        generated.schemas().forEach((name, schema) -> {
            if (schemas.has(name)) {
                throw new IllegalStateException("api/openapi.json writes by hand the generated schema " + name);
            }
            schemas.set(name, schema);
        });
        List<String> broken = new ArrayList<>();
        unresolved(doc, doc, broken);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("api/openapi.json refers to what it does not hold: " + broken);
        }
        try {
            return new OpenApiDocument(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unresolved(JsonNode root, JsonNode node, List<String> broken) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/") || root.at(ref.substring(1)).isMissingNode()) {
                broken.add(ref);
            }
        }
        node.forEach(child -> unresolved(root, child, broken));
    }

    public void serve(Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(json);
    }

    /** The document as served. */
    public byte[] json() {
        return json.clone();
    }
}
