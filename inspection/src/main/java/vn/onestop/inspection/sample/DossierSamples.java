package vn.onestop.inspection.sample;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.Store;
import vn.onestop.inspection.draw.CanonicalJson;
import vn.onestop.inspection.published.Flag;
import vn.onestop.inspection.published.PeriodRef;
import vn.onestop.inspection.published.PublishedInputs;
import vn.onestop.inspection.published.RegisteredDossier;
import vn.onestop.inspection.store.Db;

/**
 * Mẫu hồ sơ: within an agency, a random sample of n of the dossiers it received in the period, stratified by field,
 * plus every dossier flagged in the period; recorded with its seed so that anyone can draw it again. A dossier both
 * drawn and flagged is listed once, marked both ways.
 */
public final class DossierSamples {
    private static final SecureRandom SEEDS = new SecureRandom();

    private final Db db;
    private final PublishedInputs published;
    private final Clock clock;

    public DossierSamples(Store store, Clock clock) {
        this.db = new Db(store);
        this.published = new PublishedInputs(store);
        this.clock = clock;
    }

    /** Draws and records a sample of the current run; {@code periodId} null: the run's default period. */
    public Sample take(String agencyCode, String periodId, int n, Long seed, String who) {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("A sample needs the name of who draws it");
        }
        String runId = published.requireCurrentRun();
        published.agency(runId, agencyCode).orElseThrow(() -> new IllegalArgumentException(
                "Run " + runId + " has no agency " + agencyCode));
        PeriodRef period = periodId == null || periodId.isBlank()
                ? published.defaultPeriod(runId).orElseThrow() : published.period(runId, periodId);
        long s = seed != null ? seed : SEEDS.nextLong() & Long.MAX_VALUE;
        StratifiedSample.Result result = StratifiedSample.draw(published.register(runId, agencyCode, period), n, s);
        Map<String, String> fieldOfProcedure = new TreeMap<>();
        Map<String, java.util.Set<String>> rulesOf = new TreeMap<>();
        Map<String, Flag> firstFlag = new LinkedHashMap<>();
        for (Flag f : published.flags(runId, agencyCode, period)) {
            rulesOf.computeIfAbsent(f.caseId(), k -> new TreeSet<>()).add(f.ruleId());
            firstFlag.putIfAbsent(f.caseId(), f);
        }
        List<SampledDossier> dossiers = new ArrayList<>();
        for (RegisteredDossier d : result.picks()) {
            dossiers.add(new SampledDossier(dossiers.size() + 1, d.caseId(), d.fieldCode(), d.procedureCode(),
                    d.receivedAt(), true, rules(rulesOf.remove(d.caseId()))));
        }
        if (!rulesOf.isEmpty()) {
            db.list("SELECT procedure_code, field_code FROM pub_procedure WHERE run_id = ?",
                    rs -> Map.entry(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2)), runId)
                    .forEach(e -> fieldOfProcedure.put(e.getKey(), e.getValue()));
        }
        for (var e : rulesOf.entrySet()) {
            Flag f = firstFlag.get(e.getKey());
            String field = f.procedureCode() == null ? null : fieldOfProcedure.get(f.procedureCode());
            dossiers.add(new SampledDossier(dossiers.size() + 1, e.getKey(), field == null || field.isEmpty() ? null : field,
                    f.procedureCode(), f.receivedAt(), false, rules(e.getValue())));
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(RunLog.ZONE)).truncatedTo(ChronoUnit.MILLIS);
        String strata = CanonicalJson.write(result.strata().stream().map(x -> (Object) Map.of("field", x.fieldCode(),
                "population", (long) x.population(), "allocated", (long) x.allocated())).toList());
        long id = db.transaction(c -> {
            long sampleId = Db.insert(c, "INSERT INTO inspection_sample (run_id, agency_code, period_kind, period_start, "
                            + "period_end, n, seed, strata, drawn_by, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    runId, agencyCode, period.kind(), period.start(), period.end(), n, Long.toString(s),
                    strata, who.strip(), now);
            for (SampledDossier d : dossiers) {
                Db.update(c, "INSERT INTO inspection_sample_case (sample_id, seq, case_id, field_code, procedure_code, "
                                + "received_at, random_pick, flag_rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        sampleId, d.seq(), d.caseId(), d.fieldCode(), d.procedureCode(), d.receivedAt(), d.randomPick(),
                        d.flagRules());
            }
            return sampleId;
        });
        return new Sample(id, runId, agencyCode, period, n, s, result.strata(), who.strip(), now, dossiers);
    }

    private static String rules(java.util.Set<String> rules) {
        return rules == null ? null : String.join(",", rules);
    }

    public Optional<Sample> find(long id) {
        return db.first(SELECT + " WHERE sample_id = ?", rs -> rs.getLong("sample_id"), id).map(this::load);
    }

    /** The agency's latest sample of the period, if any. */
    public Optional<Sample> latest(String agencyCode, PeriodRef period) {
        return db.first(SELECT + " WHERE agency_code = ? AND period_kind = ? AND period_start = ? ORDER BY sample_id DESC",
                rs -> rs.getLong("sample_id"), agencyCode, period.kind(), period.start()).map(this::load);
    }

    /** The agency's samples, newest first, without their dossiers. */
    public List<Sample> of(String agencyCode) {
        return db.list(SELECT + " WHERE agency_code = ? ORDER BY sample_id DESC", rs -> header(rs, List.of()), agencyCode);
    }

    private static final String SELECT = "SELECT sample_id, run_id, agency_code, period_kind, period_start, period_end, "
            + "n, seed, strata, drawn_by, drawn_at FROM inspection_sample";

    private Sample load(long id) {
        List<SampledDossier> dossiers = db.list("SELECT seq, case_id, field_code, procedure_code, received_at, "
                        + "random_pick, flag_rules FROM inspection_sample_case WHERE sample_id = ? ORDER BY seq",
                rs -> new SampledDossier(rs.getInt("seq"), rs.getString("case_id"), rs.getString("field_code"),
                        rs.getString("procedure_code"), Db.time(rs, "received_at"), rs.getBoolean("random_pick"),
                        rs.getString("flag_rules")), id);
        return db.first(SELECT + " WHERE sample_id = ?", rs -> header(rs, dossiers), id).orElseThrow();
    }

    private static Sample header(java.sql.ResultSet rs, List<SampledDossier> dossiers) throws java.sql.SQLException {
        List<StratifiedSample.Stratum> strata = new ArrayList<>();
        for (Object o : (List<?>) CanonicalJson.parse(rs.getString("strata"))) {
            Map<?, ?> m = (Map<?, ?>) o;
            strata.add(new StratifiedSample.Stratum((String) m.get("field"), ((Long) m.get("population")).intValue(),
                    ((Long) m.get("allocated")).intValue()));
        }
        return new Sample(rs.getLong("sample_id"), rs.getString("run_id"), rs.getString("agency_code"),
                new PeriodRef(rs.getString("period_kind"), Db.date(rs, "period_start"), Db.date(rs, "period_end")),
                rs.getInt("n"), Long.parseLong(rs.getString("seed")), strata, rs.getString("drawn_by"),
                Db.time(rs, "drawn_at"), dossiers);
    }
}
