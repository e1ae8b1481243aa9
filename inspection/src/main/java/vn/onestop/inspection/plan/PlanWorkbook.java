package vn.onestop.inspection.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Collator;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.onestop.inspection.AgencyKinds;
import vn.onestop.inspection.history.InspectionKind;
import vn.onestop.inspection.published.PublishedAgency;
import vn.onestop.inspection.xlsx.Cells;

/**
 * The year's plan as the appendix of the provinces' plans prints it: "PHỤ LỤC", the list's title, what it is
 * attached to, a line counting the agencies by kind ("Kiểm tra tại 03 sở, ban, ngành; 20 UBND cấp xã"), then the
 * table STT · Tên cơ quan, đơn vị · Thời gian kiểm tra (Quý II, III) · Ghi chú, one row per agency (its quarters
 * joined, as the Kon Tum plan writes "Quý II, III"), ordered by first quarter, kind and Vietnamese name.
 */
public final class PlanWorkbook {
    public static final String SHEET = "Phụ lục";
    public static final int HEADER_ROW = 5;
    static final String[] HEADERS = {"STT", "Tên cơ quan, đơn vị", "Thời gian kiểm tra", "Ghi chú"};
    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** An agency's name and kind as the published run knows them (its code when unknown). */
    public record AgencyName(String name, String kind) {
    }

    /** One row of the appendix. */
    public record Row(String agencyCode, String name, String kind, List<Integer> quarters, String time, String notes) {
    }

    private PlanWorkbook() {
    }

    /** The appendix rows: one per agency, quarters joined, notes and notice dates gathered. */
    public static List<Row> rows(List<PlanItem> items, Map<String, AgencyName> agencies) {
        Map<String, List<PlanItem>> byAgency = new LinkedHashMap<>();
        items.forEach(i -> byAgency.computeIfAbsent(i.agencyCode(), k -> new ArrayList<>()).add(i));
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
        List<Row> rows = new ArrayList<>();
        for (var e : byAgency.entrySet()) {
            AgencyName a = agencies.getOrDefault(e.getKey(), new AgencyName(e.getKey(), ""));
            Set<Integer> quarters = new TreeSet<>();
            Set<String> notes = new LinkedHashSet<>();
            for (PlanItem i : e.getValue()) {
                quarters.add(i.quarter());
                notes.add(i.kind() == InspectionKind.DIRECT ? "Kiểm tra trực tiếp tại đơn vị"
                        : "Kiểm tra gián tiếp qua hệ thống thông tin giải quyết TTHC");
                if (i.noticeDate() != null) {
                    notes.add("Quý " + ROMAN[i.quarter() - 1] + ": bắt đầu " + DATE.format(i.plannedStart())
                            + ", thông báo chậm nhất ngày " + DATE.format(i.noticeDate()));
                }
                if (i.notes() != null) {
                    notes.add(i.notes());
                }
            }
            List<Integer> qs = List.copyOf(quarters);
            rows.add(new Row(e.getKey(), a.name(), a.kind(), qs,
                    "Quý " + String.join(", ", qs.stream().map(q -> ROMAN[q - 1]).toList()), String.join("; ", notes)));
        }
        rows.sort(Comparator.comparing((Row r) -> r.quarters().get(0))
                .thenComparing(r -> AgencyKinds.rank(r.kind()))
                .thenComparing(Row::name, vietnamese)
                .thenComparing(Row::agencyCode));
        return rows;
    }

    /** "Kiểm tra tại 03 sở, ban, ngành; 20 UBND cấp xã." — counts two digits wide, as the plans write them. */
    public static String summary(List<Row> rows) {
        Map<String, Integer> byKind = new TreeMap<>(Comparator.comparing(AgencyKinds::rank)
                .thenComparing(Comparator.naturalOrder()));
        rows.forEach(r -> byKind.merge(r.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, n) -> parts.add(String.format("%02d %s", n, AgencyKinds.plural(kind))));
        return rows.isEmpty() ? "Chưa có cơ quan, đơn vị nào trong kế hoạch."
                : "Kiểm tra tại " + String.join("; ", parts) + ".";
    }

    /** The year's plan of the store with the agencies' names from the published run. */
    public static void write(int year, InspectionPlans plans, List<PublishedAgency> agencies, OutputStream out)
            throws IOException {
        Map<String, AgencyName> names = new LinkedHashMap<>();
        agencies.forEach(a -> names.put(a.code(), new AgencyName(a.name(), a.kind())));
        write(year, plans.title(year), rows(plans.items(year), names), out);
    }

    public static void write(int year, String planTitle, List<Row> rows, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "OneStop Monitor", "1.0");
        Worksheet ws = workbook.newWorksheet(SHEET);
        int last = HEADERS.length - 1;
        Cells.title(ws, 0, last, "PHỤ LỤC", true, 12);
        Cells.title(ws, 1, last, "DANH SÁCH CƠ QUAN, ĐƠN VỊ ĐƯỢC KIỂM TRA NĂM " + year, true, 12);
        Cells.title(ws, 2, last, "(Kèm theo " + planTitle + ")", false, 11);
        Cells.title(ws, 3, last, summary(rows), false, 11);
        Cells.header(ws, HEADER_ROW, HEADERS, HEADERS.length);
        int r = HEADER_ROW + 1;
        for (Row row : rows) {
            Cells.number(ws, r, 0, r - HEADER_ROW);
            Cells.text(ws, r, 1, row.name());
            Cells.text(ws, r, 2, row.time());
            Cells.text(ws, r, 3, row.notes());
            ws.style(r, 0).horizontalAlignment("center").set();
            r++;
        }
        Cells.body(ws, HEADER_ROW + 1, r - 1, HEADERS.length);
        ws.width(0, 6);
        ws.width(1, 45);
        ws.width(2, 18);
        ws.width(3, 50);
        ws.freezePane(0, HEADER_ROW + 1);
        Cells.print(ws, false, HEADER_ROW, HEADER_ROW);
        workbook.finish();
    }
}
