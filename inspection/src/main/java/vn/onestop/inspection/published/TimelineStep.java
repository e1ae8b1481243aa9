package vn.onestop.inspection.published;

import java.time.LocalDateTime;

/** One step of a flagged dossier's evidence timeline ({@code pub_case_timeline}). */
public record TimelineStep(String caseId, int seq, LocalDateTime at, String kind, Integer status, String label,
                           String unit, String officer) {
    /** The step in Vietnamese words, as the evidence pack writes it. */
    public String words() {
        String what = switch (kind) {
            case "received" -> "Tiếp nhận";
            case "supplement_requested" -> "Yêu cầu bổ sung hồ sơ";
            case "supplement_answered" -> "Công dân bổ sung hồ sơ";
            case "apology" -> "Phiếu xin lỗi và hẹn lại ngày trả";
            case "due" -> "Hạn trả kết quả";
            case "finished" -> "Kết thúc xử lý";
            case "synced" -> "Đồng bộ lên Cổng DVCQG";
            default -> "Bước xử lý";
        };
        StringBuilder out = new StringBuilder(what);
        if (label != null && !label.isBlank()) {
            out.append(": ").append(label);
        }
        if (unit != null && !unit.isBlank()) {
            out.append(" (").append(unit).append(')');
        }
        if (officer != null && !officer.isBlank()) {
            out.append(" — cán bộ ").append(officer);
        }
        return out.toString();
    }
}
