package vn.onestop.sample;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deliberate violation pattern planted in one agency, so that the analytics can be checked against a known answer.
 * The agency is drawn by seed from candidates that are natural for the pattern, and given enough volume. Closing
 * bursts need procedures of about 20 working days: only then are enough dossiers pending and not yet due on the burst
 * day for one officer to close 20 of them in a minute at 10,000 dossiers. A silent spell (R12) needs a year of
 * history before it and peers busy enough to show what is missing: months with dossiers of a procedure at half the
 * communes, which the default 10,000 dossiers do not give (from about 30,000 they do).
 */
enum PlantedPattern {
    R01_LATE_NO_APOLOGY("R01", 0.05, List.of("H37.07", "H37.02", "H37.03"),
            "Nhiều hồ sơ trễ hạn, phần lớn (từ 80 % trở lên) không có phiếu xin lỗi và hẹn lại ngày trả kết quả"),
    R06_RECORDED_AFTER_THE_FACT("R06", 0.065, List.of("H37.38.01", "H37.38.02", "H37.38.03", "H37.39.01"),
            "Tỷ lệ lớn hồ sơ tiếp nhận trực tiếp được cập nhật vào Hệ thống thông tin một cửa điện tử sau nhiều ngày "
                    + "làm việc kể từ ngày tiếp nhận (nhập hồ sơ sau)"),
    R02_APOLOGY_TOO_LATE("R02", 0.065, List.of("H37.38", "H37.39", "H37.41"),
            "Hồ sơ trễ hạn có phiếu xin lỗi nhưng phiếu được lập muộn, sau thời hạn 01 ngày làm việc trước ngày hẹn "
                    + "trả kết quả"),
    R10_CLOSING_BURST("R10", 0.13, List.of("H37.11", "H37.15"),
            "Kết thúc xử lý hàng loạt hồ sơ vào ngày làm việc cuối cùng của tháng 3, 6, 9 và 12; một cán bộ kết thúc "
                    + "từ 20 hồ sơ trở lên trong cùng một phút"),
    R12_SILENT_PROCEDURE("R12", 0.065, List.of("H37.38.04", "H37.40.01", "H37.41.01", "H37.43.01"),
            "Trong nhiều tháng liền, xã gần như ngừng tiếp nhận hồ sơ trên Hệ thống thông tin giải quyết TTHC (giải "
                    + "quyết hồ sơ giấy ngoài hệ thống) trong khi các xã khác vẫn phát sinh hồ sơ của cùng thủ tục");

    final String ruleId;
    /** Share of all dossiers of its period that the planted agency receives. */
    final double volumeShare;
    final List<String> candidates;
    final String descriptionVi;

    PlantedPattern(String ruleId, double volumeShare, List<String> candidates, String descriptionVi) {
        this.ruleId = ruleId;
        this.volumeShare = volumeShare;
        this.candidates = candidates;
        this.descriptionVi = descriptionVi;
    }

    /** One agency per pattern, drawn with the seed. */
    static Map<PlantedPattern, Agency> choose(Province province, long seed) {
        SplittableRandom rng = Seeds.stream(seed, Seeds.PLANTING);
        Map<PlantedPattern, Agency> chosen = new EnumMap<>(PlantedPattern.class);
        for (PlantedPattern p : values()) {
            chosen.put(p, province.agency(p.candidates.get(rng.nextInt(p.candidates.size()))));
        }
        return chosen;
    }
}
