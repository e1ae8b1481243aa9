package vn.onestop.inspection.draw;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.onestop.inspection.published.PeriodRef;

/**
 * Everything a sealed draw rests on — who and when, the run read, the parameters, the seed, every candidate with its
 * risk and eligibility, and the result — as the tree {@link CanonicalJson} writes. The seal is the SHA-256 of those
 * bytes; {@link #fromJson} reads a stored record back.
 */
public record DrawRecord(LocalDateTime drawnAt, String drawnBy, String runId, DrawParameters parameters, long seed,
                         List<Candidate> candidates, DrawOutcome outcome) {
    public static final String FORMAT = "onestop-draw/1";
    public static final String METHOD = "efraimidis-spirakis, SplittableRandom, StrictMath.log; random places = "
            + "ceil(quota × share ÷ 100)";
    /** Milliseconds, always written: the cut-off for history and plan rows the draw could see. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    public DrawRecord {
        candidates = List.copyOf(candidates);
    }

    /** The date the exclusions were judged on. */
    public LocalDate asOf() {
        return drawnAt.toLocalDate();
    }

    public String json() {
        return CanonicalJson.write(tree());
    }

    public String seal() {
        return CanonicalJson.sha256(json());
    }

    Map<String, Object> tree() {
        Map<String, Object> root = new TreeMap<>();
        root.put("format", FORMAT);
        root.put("drawnAt", TIME.format(drawnAt));
        root.put("drawnBy", drawnBy);
        root.put("runId", runId);
        root.put("seed", Long.toString(seed));
        Map<String, Object> period = new TreeMap<>();
        period.put("kind", parameters.period().kind());
        period.put("start", parameters.period().start().toString());
        period.put("end", parameters.period().end().toString());
        Map<String, Object> params = new TreeMap<>();
        params.put("period", period);
        params.put("quotas", new TreeMap<String, Object>(parameters.quotas()));
        params.put("randomSharePct", (long) parameters.randomSharePct());
        params.put("recentMonths", (long) parameters.recentMonths());
        List<Object> overrides = new ArrayList<>();
        parameters.overrides().forEach((agency, reason) -> overrides.add(new TreeMap<>(Map.of("agency", agency,
                "reason", reason))));
        params.put("overrides", overrides);
        params.put("asOf", asOf().toString());
        params.put("method", METHOD);
        root.put("parameters", params);
        List<Object> list = new ArrayList<>();
        for (Candidate c : candidates) {
            Map<String, Object> m = new TreeMap<>();
            m.put("agency", c.agencyCode());
            m.put("name", c.name());
            m.put("kind", c.kind());
            m.put("scored", c.scored());
            m.put("risk", c.risk() == null ? null : c.risk().setScale(2, RoundingMode.HALF_UP));
            m.put("peerRank", c.peerRank() == null ? null : (long) c.peerRank());
            m.put("conductFeedback", c.conductFeedback());
            m.put("exclusions", new ArrayList<Object>(c.exclusions()));
            m.put("override", c.override());
            m.put("eligible", c.eligible());
            list.add(m);
        }
        root.put("candidates", list);
        List<Object> selected = new ArrayList<>();
        for (Selection s : outcome.selected()) {
            Map<String, Object> m = new TreeMap<>();
            m.put("order", (long) s.order());
            m.put("agency", s.agencyCode());
            m.put("kind", s.kind());
            m.put("share", s.share());
            selected.add(m);
        }
        Map<String, Object> result = new TreeMap<>();
        result.put("selected", selected);
        result.put("shortfall", new TreeMap<String, Object>(outcome.shortfall()));
        root.put("result", result);
        return root;
    }

    /** Reads a stored record; a record that does not have this shape is an IllegalArgumentException. */
    @SuppressWarnings("unchecked")
    public static DrawRecord fromJson(String json) {
        try {
            Map<String, Object> root = (Map<String, Object>) CanonicalJson.parse(json);
            if (!FORMAT.equals(root.get("format"))) {
                throw new IllegalArgumentException("Unknown record format " + root.get("format"));
            }
            Map<String, Object> params = (Map<String, Object>) root.get("parameters");
            Map<String, Object> period = (Map<String, Object>) params.get("period");
            Map<String, Integer> quotas = new LinkedHashMap<>();
            ((Map<String, Object>) params.get("quotas")).forEach((k, v) -> quotas.put(k, ((Long) v).intValue()));
            Map<String, String> overrides = new LinkedHashMap<>();
            for (Object o : (List<Object>) params.get("overrides")) {
                Map<String, Object> m = (Map<String, Object>) o;
                overrides.put((String) m.get("agency"), (String) m.get("reason"));
            }
            DrawParameters parameters = new DrawParameters(new PeriodRef((String) period.get("kind"),
                    LocalDate.parse((String) period.get("start")), LocalDate.parse((String) period.get("end"))),
                    quotas, ((Long) params.get("randomSharePct")).intValue(),
                    ((Long) params.get("recentMonths")).intValue(), overrides);
            List<Candidate> candidates = new ArrayList<>();
            for (Object o : (List<Object>) root.get("candidates")) {
                Map<String, Object> m = (Map<String, Object>) o;
                candidates.add(new Candidate((String) m.get("agency"), (String) m.get("name"), (String) m.get("kind"),
                        (Boolean) m.get("scored"), (BigDecimal) m.get("risk"),
                        m.get("peerRank") == null ? null : ((Long) m.get("peerRank")).intValue(),
                        (Long) m.get("conductFeedback"), ((List<Object>) m.get("exclusions")).stream()
                                .map(x -> (String) x).toList(), (String) m.get("override")));
            }
            Map<String, Object> result = (Map<String, Object>) root.get("result");
            List<Selection> selected = new ArrayList<>();
            for (Object o : (List<Object>) result.get("selected")) {
                Map<String, Object> m = (Map<String, Object>) o;
                selected.add(new Selection(((Long) m.get("order")).intValue(), (String) m.get("agency"),
                        (String) m.get("kind"), (String) m.get("share")));
            }
            Map<String, Integer> shortfall = new TreeMap<>();
            ((Map<String, Object>) result.get("shortfall")).forEach((k, v) -> shortfall.put(k, ((Long) v).intValue()));
            return new DrawRecord(LocalDateTime.parse((String) root.get("drawnAt"), TIME), (String) root.get("drawnBy"),
                    (String) root.get("runId"), parameters, Long.parseLong((String) root.get("seed")), candidates,
                    new DrawOutcome(selected, shortfall));
        } catch (ClassCastException | NullPointerException | NumberFormatException
                 | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("The record does not have the shape of a draw: " + e, e);
        }
    }
}
