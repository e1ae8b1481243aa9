package vn.onestop.sample.vendor;

import static vn.onestop.sample.vendor.GeneratedFiles.text;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What the national portal (DVCQG) holds of a generated province, as its dossier feed: one JSON object per line,
 * in the sync format provincial systems send (data-contract.md, "National-portal dossier feed"): bracketed
 * fields, dates {@code yyyyMMddHHmmss}, nested documents, fees, supplements, results, identifiers, connected
 * databases and the {@code tienTrinhDongBo} history. A dossier is on the portal when the province synced it
 * ({@code synced_at} set).
 *
 * <p>With {@code plant}, some synced dossiers are missing or differ in exactly one field, as if a sync had been
 * lost or a later change never pushed; {@code ground_truth_portal.csv} lists every difference the reconciliation
 * must find, planted or natural (never synced).
 */
public final class PortalFeedWriter {
    public static final String FEED_FILE = "dvcqg-hoso.json";
    public static final String GROUND_TRUTH = "ground_truth_portal.csv";
    private static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** A difference the reconciliation reports, one per dossier and field. */
    public enum Difference { MISSING_ON_PORTAL, STATUS, RECEIVED_AT, DUE_AT, FINISHED_AT, RETURNED_AT, CHANNEL,
        PAID_ONLINE, FEE_AMOUNT }

    private PortalFeedWriter() {
    }

    /** What was written: dossiers in the feed and the differences per kind. */
    public record Summary(Path feed, long dossiers, Map<Difference, Integer> planted, long neverSynced) {
    }

    /**
     * Streams the folder twice, holding one dossier at a time: a first pass draws the dossiers to plant, a second
     * writes the feed. Memory grows with {@code perKind}, not with the province.
     *
     * @param perKind dossiers planted with each kind of difference (0 = a faithful feed)
     */
    public static Summary write(Path generated, Path outDir, long seed, int perKind) {
        GeneratedFiles files = new GeneratedFiles(generated);
        Map<String, Map<String, String>> procedures = new HashMap<>();
        files.forEach("procedure.csv", p -> procedures.put(p.get("procedure_code"), p));
        Map<String, Difference> plan = plan(generated, perKind, new SplittableRandom(seed ^ 0xD7C96L));
        Map<Difference, Integer> planted = new EnumMap<>(Difference.class);
        long written = 0;
        long neverSynced = 0;
        try {
            Files.createDirectories(outDir);
            JsonFactory json = new JsonFactory();
            try (JsonGenerator out = json.createGenerator(outDir.resolve(FEED_FILE).toFile(), JsonEncoding.UTF8);
                 CSVPrinter truth = new CSVPrinter(Files.newBufferedWriter(outDir.resolve(GROUND_TRUTH),
                         StandardCharsets.UTF_8), CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
                 DossierRows dossiers = new DossierRows(generated, "case_event.csv", "case_supplement.csv")) {
                out.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                truth.printRecord("case_id", "agency_code", "difference", "cause");
                NewestVersions newest = new NewestVersions();
                for (DossierRows.Dossier dossier = dossiers.next(); dossier != null; dossier = dossiers.next()) {
                    Map<String, String> c = dossier.row();
                    if (!wellFormed(c) || !newest.isFirst(c)) {
                        continue;
                    }
                    String id = c.get("case_id");
                    if (text(c, "synced_at") == null) {
                        truth.printRecord(id, c.get("agency_code"), Difference.MISSING_ON_PORTAL, "NEVER_SYNCED");
                        neverSynced++;
                        continue;
                    }
                    Difference d = plan.get(id);
                    if (d != null) {
                        truth.printRecord(id, c.get("agency_code"), d, "PLANTED");
                        planted.merge(d, 1, Integer::sum);
                        if (d == Difference.MISSING_ON_PORTAL) {
                            continue;
                        }
                    }
                    dossier(out, planted(c, d), procedures.get(c.get("procedure_code")),
                            dossier.of("case_event.csv"), dossier.of("case_supplement.csv"));
                    written++;
                }
                out.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the portal feed into " + outDir + ": " + e.getMessage(), e);
        }
        return new Summary(outDir.resolve(FEED_FILE), written, planted, neverSynced);
    }

    /**
     * Which synced dossiers get which difference, each kind on dossiers where that field can differ and no dossier
     * twice. One pass keeps a random sample of the eligible dossiers per kind (reservoir sampling), with room for
     * the dossiers earlier kinds take; a province with fewer eligible dossiers than that keeps them all.
     */
    private static Map<String, Difference> plan(Path generated, int perKind, SplittableRandom rng) {
        Map<String, Difference> plan = new LinkedHashMap<>();
        if (perKind == 0) {
            return plan;
        }
        int room = perKind + 64;
        Map<Difference, List<String>> samples = new EnumMap<>(Difference.class);
        Map<Difference, Long> seen = new EnumMap<>(Difference.class);
        NewestVersions newest = new NewestVersions();
        try (DossierRows dossiers = new DossierRows(generated)) {
            for (DossierRows.Dossier dossier = dossiers.next(); dossier != null; dossier = dossiers.next()) {
                Map<String, String> c = dossier.row();
                if (!wellFormed(c) || !newest.isFirst(c) || text(c, "synced_at") == null) {
                    continue;
                }
                for (Difference d : Difference.values()) {
                    if (!eligible(d, c)) {
                        continue;
                    }
                    long i = seen.merge(d, 1L, Long::sum) - 1;
                    List<String> sample = samples.computeIfAbsent(d, k -> new ArrayList<>());
                    if (i < room) {
                        sample.add(c.get("case_id"));
                    } else {
                        long j = rng.nextLong(i + 1);
                        if (j < room) {
                            sample.set((int) j, c.get("case_id"));
                        }
                    }
                }
            }
        }
        for (Difference d : Difference.values()) {
            List<String> pool = new ArrayList<>(samples.getOrDefault(d, List.of()));
            pool.removeIf(plan::containsKey);
            for (int i = 0; i < perKind && !pool.isEmpty(); i++) {
                plan.put(pool.remove(rng.nextInt(pool.size())), d);
            }
        }
        return plan;
    }

    /**
     * The newest version of each dossier, streaming: a second row of a dossier (an older version, as --bad-rows
     * plants, synced over long ago) follows the first closely, so the last {@value #RECENT} dossiers are remembered.
     */
    private static final class NewestVersions {
        private static final int RECENT = 100_000;
        private final Map<String, LocalDateTime> recent = new LinkedHashMap<>(1 << 16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LocalDateTime> eldest) {
                return size() > RECENT;
            }
        };

        /** True for the first row of a dossier; false for an older version of one already seen. */
        boolean isFirst(Map<String, String> c) {
            LocalDateTime updated = text(c, "updated_at") == null ? null : LocalDateTime.parse(c.get("updated_at"));
            if (!recent.containsKey(c.get("case_id"))) {
                recent.put(c.get("case_id"), updated);
                return true;
            }
            LocalDateTime kept = recent.get(c.get("case_id"));
            if (updated != null && (kept == null || updated.isAfter(kept))) {
                throw new IllegalArgumentException("case.csv holds a newer version of dossier " + c.get("case_id")
                        + " after an older one: the portal feed writer takes a folder as the generator writes it");
            }
            return false;
        }
    }

    private static boolean eligible(Difference d, Map<String, String> c) {
        String status = c.get("status");
        return switch (d) {
            case MISSING_ON_PORTAL, CHANNEL, PAID_ONLINE -> true;
            case STATUS -> status.equals("9") || status.equals("10");
            case RECEIVED_AT, DUE_AT -> text(c, "received_at") != null && text(c, "due_at") != null;
            case FINISHED_AT -> text(c, "finished_at") != null;
            case RETURNED_AT -> text(c, "returned_at") != null;
            case FEE_AMOUNT -> text(c, "fee_amount") != null;
        };
    }

    /** The dossier as the portal holds it: one field off for a planted difference. */
    private static Map<String, String> planted(Map<String, String> c, Difference d) {
        if (d == null) {
            return c;
        }
        Map<String, String> p = new HashMap<>(c);
        switch (d) {
            case STATUS -> p.put("status", "4"); // the portal still shows it in progress: the end was never pushed
            case RECEIVED_AT -> p.put("received_at", shift(c.get("received_at"), -24 * 60));
            case DUE_AT -> p.put("due_at", shift(c.get("due_at"), 2 * 24 * 60));
            case FINISHED_AT -> p.put("finished_at", shift(c.get("finished_at"), 60));
            case RETURNED_AT -> p.put("returned_at", shift(c.get("returned_at"), 24 * 60));
            case CHANNEL -> p.put("channel", c.get("channel").equals("ONLINE") ? "DIRECT" : "ONLINE");
            case PAID_ONLINE -> p.put("paid_online", "0".equals(c.get("paid_online")) ? "1" : "0");
            case FEE_AMOUNT -> p.put("fee_amount", new BigDecimal(c.get("fee_amount")).add(BigDecimal.valueOf(5000))
                    .toPlainString());
            default -> {
            }
        }
        return p;
    }

    /** An id and timestamps that parse: the rows {@code --bad-rows} breaks on purpose are left out. */
    private static boolean wellFormed(Map<String, String> c) {
        if (text(c, "case_id") == null) {
            return false;
        }
        for (String field : new String[] {"submitted_at", "received_at", "due_at", "finished_at", "returned_at",
            "rejected_at", "recorded_at", "synced_at", "updated_at"}) {
            String t = text(c, field);
            if (t != null) {
                try {
                    LocalDateTime.parse(t);
                } catch (java.time.format.DateTimeParseException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String shift(String time, int minutes) {
        return LocalDateTime.parse(time).plusMinutes(minutes).toString();
    }

    private static void dossier(JsonGenerator out, Map<String, String> c, Map<String, String> procedure,
                                List<Map<String, String>> events, List<Map<String, String>> supplements)
            throws IOException {
        out.writeStartObject();
        field(out, "MaHoSo", c.get("case_id"));
        field(out, "MaTTHC", c.get("procedure_code"));
        field(out, "TenTTHC", procedure == null ? null : procedure.get("name"));
        field(out, "MaLinhVuc", procedure == null ? null : procedure.get("field_code"));
        field(out, "TenLinhVuc", procedure == null ? null : procedure.get("field_name"));
        field(out, "KenhThucHien", switch (c.get("channel")) {
            case "ONLINE" -> "2";
            case "POSTAL" -> "3";
            default -> "1";
        });
        field(out, "ChuHoSo", text(c, "applicant_name"));
        field(out, "LoaiDoiTuong", text(c, "applicant_kind"));
        field(out, "SoGiayToChuHoSo", text(c, "applicant_id"));
        field(out, "SoDienThoai", text(c, "applicant_phone"));
        field(out, "Email", text(c, "applicant_email"));
        for (String[] t : new String[][] {{"NgayNopHoSo", "submitted_at"}, {"NgayTiepNhan", "received_at"},
            {"NgayHenTra", "due_at"}, {"NgayKetThucXuLy", "finished_at"}, {"NgayTra", "returned_at"},
            {"NgayTuChoi", "rejected_at"}}) {
            field(out, t[0], portalTime(text(c, t[1])));
        }
        field(out, "TrangThaiHoSo", c.get("status"));
        field(out, "DonViXuLy", c.get("agency_code"));
        field(out, "HoSoCoThanhPhanSoHoa", flag(c, "reused_digitized_data"));
        field(out, "TaiKhoanDuocXacThucVoiVNeID", flag(c, "vneid_verified"));
        field(out, "DuocThanhToanTrucTuyen", text(c, "paid_online") == null ? "0" : c.get("paid_online"));
        if (text(c, "applicant_id") != null) {
            out.writeArrayFieldStart("DinhDanhCHS");
            out.writeStartObject();
            field(out, "LoaiDinhDanh", "2".equals(c.get("applicant_kind")) ? "2" : "1");
            field(out, "SoDinhDanh", c.get("applicant_id"));
            out.writeEndObject();
            out.writeEndArray();
        }
        documents(out, c);
        if (text(c, "fee_amount") != null) {
            out.writeArrayFieldStart("DanhSachLePhi");
            out.writeStartObject();
            field(out, "TenPhiLePhi", "Lệ phí giải quyết thủ tục");
            field(out, "MaPhiLePhi", "LP01");
            field(out, "HinhThucThu", "1");
            field(out, "Gia", new BigDecimal(c.get("fee_amount")).stripTrailingZeros().toPlainString());
            field(out, "LoaiPhiLePhi", "2");
            out.writeEndObject();
            out.writeEndArray();
        }
        if (!supplements.isEmpty()) {
            out.writeArrayFieldStart("DanhSachHoSoBoSung");
            int n = 0;
            for (Map<String, String> s : supplements) {
                out.writeStartObject();
                out.writeNumberField("HoSoBoSungId", ++n);
                field(out, "NoiDungBoSung", "Bổ sung, hoàn thiện thành phần hồ sơ");
                field(out, "NgayBoSung", portalTime(text(s, "requested_at")));
                field(out, "NgayTiepNhanBoSung", portalTime(text(s, "received_at")));
                out.writeBooleanField("TrangThaiBoSung", text(s, "received_at") != null);
                field(out, "NgayHenTraTruoc", portalTime(text(s, "previous_due_at")));
                field(out, "NgayHenTraMoi", portalTime(text(s, "new_due_at")));
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        if ("true".equals(c.get("e_result_issued"))) {
            out.writeArrayFieldStart("DanhSachGiayToKetQua");
            out.writeStartObject();
            field(out, "TenGiayTo", "Kết quả giải quyết thủ tục hành chính");
            field(out, "DuongDanTepTinKetQua", "https://dichvucong.gov.vn/ket-qua/" + c.get("case_id") + ".pdf");
            out.writeEndObject();
            out.writeEndArray();
        }
        if ("true".equals(c.get("population_db_used"))) {
            out.writeArrayFieldStart("DSKetNoiCSDL");
            out.writeStartObject();
            field(out, "MaCSDL", "CSDLQGDC");
            out.writeEndObject();
            out.writeEndArray();
        }
        out.writeArrayFieldStart("tienTrinhDongBo");
        for (Map<String, String> e : events) {
            out.writeStartObject();
            field(out, "MaHoSo", c.get("case_id"));
            field(out, "NguoiXuLy", text(e, "officer"));
            field(out, "ThoiDiemXuLy", portalTime(text(e, "at")));
            field(out, "PhongBanXuLy", text(e, "unit"));
            field(out, "NoiDungXuLy", text(e, "step"));
            field(out, "TrangThai", text(e, "status"));
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** Submitted components: uploaded files, and components taken from the citizen's personal data store. */
    private static void documents(JsonGenerator out, Map<String, String> c) throws IOException {
        boolean uploaded = "true".equals(c.get("has_uploaded_components"));
        boolean fromStore = "true".equals(c.get("from_personal_store"));
        boolean reused = "true".equals(c.get("reused_digitized_data"));
        if (!uploaded && !fromStore) {
            return;
        }
        out.writeArrayFieldStart("TaiLieuNop");
        if (uploaded) {
            out.writeStartObject();
            field(out, "TenTepDinhKem", "to-khai.pdf");
            field(out, "MaThanhPhanHoSo", "TP01");
            field(out, "DuongDanTaiTepTin", "https://dichvucong.gov.vn/tep/" + c.get("case_id") + "/to-khai.pdf");
            field(out, "DuocTaiSuDung", reused ? "1" : "0");
            field(out, "DuocLayTuKhoDMQG", "0");
            out.writeEndObject();
        }
        if (fromStore) {
            out.writeStartObject();
            field(out, "TenTepDinhKem", "giay-to-kho-du-lieu.pdf");
            field(out, "MaThanhPhanHoSo", "TP02");
            field(out, "DuongDanTaiTepTin", "");
            field(out, "DuocTaiSuDung", reused ? "1" : "0");
            field(out, "DuocLayTuKhoDMQG", "1");
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static String flag(Map<String, String> c, String column) {
        return "true".equals(c.get(column)) ? "1" : "0";
    }

    private static void field(JsonGenerator out, String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    static String portalTime(String iso) {
        return iso == null ? null : LocalDateTime.parse(iso).format(PORTAL_TIME);
    }
}
