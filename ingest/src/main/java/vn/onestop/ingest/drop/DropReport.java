package vn.onestop.ingest.drop;

import java.util.List;
import vn.onestop.ingest.InputCount;
import vn.onestop.ingest.QuarantinedRow;

/** The text report left beside a drop once it has been read or rejected, in Vietnamese and English. */
final class DropReport {
    private DropReport() {
    }

    static String read(String file, String runId, List<InputCount> counts, List<QuarantinedRow> quarantined,
                       List<String> notes) {
        StringBuilder s = new StringBuilder();
        s.append("Tệp / file: ").append(file).append('\n');
        s.append("Lần chạy / run: ").append(runId).append('\n');
        s.append("Kết quả / outcome: ĐÃ ĐỌC / READ\n");
        for (InputCount c : counts) {
            s.append(String.format("Số dòng / rows (%s): đọc / read %d, nhận / accepted %d, cách ly / quarantined %d, "
                    + "bị thay thế / superseded %d%n", c.recordType(), c.read(), c.accepted(), c.quarantined(),
                    c.superseded()));
        }
        for (String note : notes) {
            s.append("Ghi chú / note: ").append(note).append('\n');
        }
        if (!quarantined.isEmpty()) {
            s.append("Dòng bị cách ly / quarantined rows (dòng / line: lý do / reason — chi tiết / detail):\n");
            for (QuarantinedRow q : quarantined) {
                s.append("  ").append(q.location().substring(q.location().lastIndexOf(':') + 1)).append(": ")
                        .append(q.reason()).append(" — ").append(q.detail() == null ? "" : q.detail()).append('\n');
            }
        }
        return s.toString();
    }

    static String rejected(String file, String runId, String why) {
        return "Tệp / file: " + file + "\n"
                + "Lần chạy / run: " + runId + "\n"
                + "Kết quả / outcome: BỊ TỪ CHỐI / REJECTED — không dòng nào được đọc / no row was read\n"
                + "Lý do / reason: " + why + "\n"
                + "Sửa tệp rồi đặt lại vào thư mục nhận / fix the file and drop it into the inbox again.\n";
    }
}
