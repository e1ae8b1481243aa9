package vn.onestop.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The reference tables (agency, procedure, agency_procedure) and the agency-level ground truth: the planted agencies
 * and the months of the silent spell.
 */
final class ReferenceFiles {
    private ReferenceFiles() {
    }

    static void write(Path dir, Province province, Map<PlantedPattern, Agency> planted, SilentSpell silence,
                      Map<String, Long> counts) {
        try (CsvSink agencies = new CsvSink(dir, "agency.csv", "agency_code", "name", "kind", "parent_code",
                "valid_from", "valid_to", "successor_code");
             CsvSink procedures = new CsvSink(dir, "procedure.csv", "procedure_code", "name", "field_code",
                     "field_name", "authority_level", "legal_duration", "duration_unit", "online_level",
                     "full_online_eligible", "result_is_document", "has_fee", "applicant_kinds", "announced_on",
                     "legal_basis_effective_on", "published_on", "components_complete");
             CsvSink handled = new CsvSink(dir, "agency_procedure.csv", "agency_code", "procedure_code");
             CsvSink truth = new CsvSink(dir, "ground_truth_agencies.csv", "agency_code", "pattern", "description");
             CsvSink silent = new CsvSink(dir, "ground_truth_silent_months.csv", "agency_code", "month",
                     "recorded_share")) {
            for (Agency a : province.agencies()) {
                agencies.row(a.code(), a.name(), a.kind(), a.parentCode(), a.validFrom(), a.validTo(), a.successorCode());
                for (Procedure p : province.proceduresOf(a)) {
                    handled.row(a.code(), p.code());
                }
            }
            for (Procedure p : province.procedures()) {
                procedures.row(p.code(), p.name(), p.field().code(), p.field().name(), p.authorityLevel(),
                        p.legalDuration(), p.unit(), p.onlineLevel(), p.fullOnlineEligible(), p.resultIsDocument(),
                        p.hasFee(), p.applicantKinds(), p.announcedOn(), p.legalBasisEffectiveOn(), p.publishedOn(),
                        p.componentsComplete());
            }
            planted.forEach((pattern, a) -> truth.row(a.code(), pattern.name(), pattern.descriptionVi));
            if (silence != null) {
                for (var month : silence.monthList()) {
                    silent.row(silence.agency().code(), month.toString(), silence.recordedShare());
                }
            }
            for (CsvSink s : new CsvSink[] {agencies, procedures, handled, truth, silent}) {
                counts.put(s.fileName, s.rows());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
