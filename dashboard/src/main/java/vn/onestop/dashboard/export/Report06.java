package vn.onestop.dashboard.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.onestop.dashboard.published.Agency;
import vn.onestop.dashboard.published.AgencyGroup;
import vn.onestop.dashboard.published.Period;
import vn.onestop.dashboard.published.PubValue;
import vn.onestop.dashboard.published.RunCatalogue;
import vn.onestop.dashboard.text.Language;
import vn.onestop.dashboard.text.VietnameseOrder;

/**
 * The official progress report of a period (Circular 01/2020, forms II.06a/VPCP/KSTT and its summary II.06b):
 * columns (3)–(13) from the published {@code 06a.3}…{@code 06a.13} numerators. Sheet 06a: per agency group a
 * subtotal row followed by its agencies, then the province total; sheet 06b: the subtotals and the total only.
 * A report of part of the province (an agency viewer's agencies, a filter) has no official subtotal or total: its
 * groups are headings and its last row adds up the agencies listed (the columns are counts).
 */
public record Report06(Period period, List<Row> detail, List<Row> summary) {
    /** Ids of columns (3)–(13), in order. */
    public static final List<String> COLUMN_IDS = List.of("06a.3", "06a.4", "06a.5", "06a.6", "06a.7", "06a.8",
            "06a.9", "06a.10", "06a.11", "06a.12", "06a.13");
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    public enum RowKind { AGENCY, GROUP, TOTAL }

    /** One row: (1) STT, (2) name, (3)–(13) counts (null where nothing was published). */
    public record Row(RowKind kind, String number, String code, String name, List<BigDecimal> columns) {
        public BigDecimal column(int formColumn) {
            return columns.get(formColumn - 3);
        }
    }

    /** The whole province: official group subtotals and the province total from the published roll-ups. */
    public static Report06 province(RunCatalogue catalogue, Period period, Collection<PubValue> values,
                                    Collection<Agency> agencies, String provinceCode, String totalName) {
        Map<String, Map<String, PubValue>> byScope = byScope(values);
        List<Row> detail = new ArrayList<>();
        List<Row> summary = new ArrayList<>();
        int g = 0;
        for (Map.Entry<AgencyGroup, List<Agency>> group : grouped(catalogue, agencies).entrySet()) {
            Row subtotal = row(RowKind.GROUP, roman(g), group.getKey().code(), group.getKey().name(Language.VI),
                    byScope.get(group.getKey().code()));
            detail.add(subtotal);
            summary.add(new Row(RowKind.GROUP, String.valueOf(++g), subtotal.code(), subtotal.name(), subtotal.columns()));
            addAgencies(detail, group.getValue(), byScope);
        }
        Row total = row(RowKind.TOTAL, "", provinceCode, totalName, byScope.get(provinceCode));
        detail.add(total);
        summary.add(total);
        return new Report06(period, detail, summary);
    }

    /** Part of the province: group headings, the agencies, and their sum. */
    public static Report06 part(RunCatalogue catalogue, Period period, Collection<PubValue> values,
                                Collection<Agency> agencies, String sumName) {
        Map<String, Map<String, PubValue>> byScope = byScope(values);
        List<Row> detail = new ArrayList<>();
        int g = 0;
        for (Map.Entry<AgencyGroup, List<Agency>> group : grouped(catalogue, agencies).entrySet()) {
            detail.add(new Row(RowKind.GROUP, roman(g++), group.getKey().code(), group.getKey().name(Language.VI),
                    empty()));
            addAgencies(detail, group.getValue(), byScope);
        }
        List<BigDecimal> sum = new ArrayList<>(empty());
        detail.stream().filter(r -> r.kind() == RowKind.AGENCY).forEach(r -> {
            for (int c = 0; c < sum.size(); c++) {
                BigDecimal v = r.columns().get(c);
                if (v != null) {
                    sum.set(c, sum.get(c) == null ? v : sum.get(c).add(v));
                }
            }
        });
        Row total = new Row(RowKind.TOTAL, "", null, sumName, sum);
        detail.add(total);
        return new Report06(period, detail, List.of(total));
    }

    private static void addAgencies(List<Row> detail, List<Agency> agencies, Map<String, Map<String, PubValue>> byScope) {
        int n = 0;
        for (Agency a : agencies) {
            detail.add(row(RowKind.AGENCY, String.valueOf(++n), a.code(), a.name(), byScope.get(a.code())));
        }
    }

    /** Agencies by group, groups and agencies in Vietnamese order; a group the run did not name keeps its code. */
    private static Map<AgencyGroup, List<Agency>> grouped(RunCatalogue catalogue, Collection<Agency> agencies) {
        Map<String, List<Agency>> byCode = new HashMap<>();
        agencies.forEach(a -> byCode.computeIfAbsent(a.groupCode(), k -> new ArrayList<>()).add(a));
        List<AgencyGroup> groups = new ArrayList<>();
        byCode.keySet().forEach(code -> groups.add(catalogue.groups().stream().filter(g -> g.code().equals(code))
                .findFirst().orElse(new AgencyGroup(code, null, code, code))));
        groups.sort(VietnameseOrder.by(g -> g.name(Language.VI)));
        Map<AgencyGroup, List<Agency>> out = new LinkedHashMap<>();
        groups.forEach(g -> out.put(g, byCode.get(g.code()).stream()
                .sorted(VietnameseOrder.by(Agency::name).thenComparing(Agency::code)).toList()));
        return out;
    }

    private static Row row(RowKind kind, String number, String code, String name, Map<String, PubValue> values) {
        List<BigDecimal> columns = new ArrayList<>();
        for (String id : COLUMN_IDS) {
            PubValue v = values == null ? null : values.get(id);
            columns.add(v == null ? null : v.numerator());
        }
        return new Row(kind, number, code, name, columns);
    }

    private static List<BigDecimal> empty() {
        List<BigDecimal> out = new ArrayList<>();
        COLUMN_IDS.forEach(id -> out.add(null));
        return out;
    }

    private static Map<String, Map<String, PubValue>> byScope(Collection<PubValue> values) {
        Map<String, Map<String, PubValue>> out = new HashMap<>();
        values.forEach(v -> out.computeIfAbsent(v.scopeCode(), k -> new HashMap<>()).put(v.indicatorId(), v));
        return out;
    }

    private static String roman(int i) {
        return i < ROMAN.length ? ROMAN[i] : String.valueOf(i + 1);
    }
}
