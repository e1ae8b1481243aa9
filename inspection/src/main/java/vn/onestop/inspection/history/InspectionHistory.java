package vn.onestop.inspection.history;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.onestop.core.store.RunLog;
import vn.onestop.core.store.Store;
import vn.onestop.inspection.store.Db;

/**
 * Lịch sử kiểm tra: inspections done, recorded one by one or imported from a CSV file
 * ({@code agency_code,inspected_on,kind,reference}). Rows are only added; the draw reads the rows recorded up to its
 * own time, so that verifying it later sees what it saw.
 */
public final class InspectionHistory {
    public static final String RECORDED = "recorded";
    private static final List<String> COLUMNS = List.of("agency_code", "inspected_on", "kind", "reference");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final Db db;
    private final Clock clock;

    public InspectionHistory(Store store, Clock clock) {
        this.db = new Db(store);
        this.clock = clock;
    }

    public long record(String agencyCode, LocalDate inspectedOn, InspectionKind kind, String reference, String who) {
        require(agencyCode, "agency");
        require(who, "who records it");
        if (inspectedOn == null) {
            throw new IllegalArgumentException("The date of the inspection is missing");
        }
        return db.transaction(c -> insert(c, agencyCode.strip(), inspectedOn, kind, reference, RECORDED, who));
    }

    /** What an import did. */
    public record Import(int added, int alreadyKnown) {
    }

    /**
     * Imports a CSV file with the header {@code agency_code,inspected_on,kind,reference} (dates ISO or dd/MM/yyyy;
     * kinds as codes or in Vietnamese). All or nothing: a bad line is an error naming it and nothing is recorded.
     * A line the history already holds (same agency, date and kind) is skipped, so importing twice adds nothing.
     */
    public Import importCsv(Path file, String who) {
        require(who, "who imports it");
        List<PastInspection> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT)).toList();
            if (!header.containsAll(COLUMNS.subList(0, 3))) {
                throw new IllegalArgumentException(file + ": the header must name " + String.join(",", COLUMNS)
                        + " (reference may be left out); it reads " + String.join(",", header));
            }
            for (CSVRecord r : parser) {
                String where = file.getFileName() + ":" + (r.getRecordNumber() + 1);
                Map<String, String> line = new HashMap<>();
                for (int i = 0; i < header.size() && i < r.size(); i++) {
                    line.put(header.get(i), r.get(i));
                }
                String agency = line.getOrDefault("agency_code", "").strip();
                if (agency.isEmpty()) {
                    throw new IllegalArgumentException(where + ": agency_code is empty");
                }
                InspectionKind kind;
                try {
                    kind = InspectionKind.parse(line.get("kind"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage());
                }
                String reference = line.getOrDefault("reference", "").strip();
                rows.add(new PastInspection(0, agency, date(line.get("inspected_on"), where), kind,
                        reference.isEmpty() ? null : reference, file.getFileName().toString(), who, null));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return db.transaction(c -> {
            int added = 0;
            for (PastInspection p : rows) {
                boolean known = !Db.list(c, "SELECT 1 FROM inspection_history WHERE agency_code = ? AND inspected_on = ? "
                        + "AND kind = ?", rs -> true, p.agencyCode(), p.inspectedOn(), p.kind().code()).isEmpty();
                if (!known) {
                    insert(c, p.agencyCode(), p.inspectedOn(), p.kind(), p.reference(), p.source(), who);
                    added++;
                }
            }
            return new Import(added, rows.size() - added);
        });
    }

    private long insert(Connection c, String agency, LocalDate on, InspectionKind kind, String reference, String source,
                        String who) throws SQLException {
        return Db.insert(c, "INSERT INTO inspection_history (agency_code, inspected_on, kind, reference, source, "
                        + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                agency, on, kind.code(), reference == null || reference.isBlank() ? null : reference.strip(), source,
                who.strip(), now());
    }

    /** An agency's inspections, latest first. */
    public List<PastInspection> of(String agencyCode) {
        return db.list("SELECT id, agency_code, inspected_on, kind, reference, source, recorded_by, recorded_at "
                        + "FROM inspection_history WHERE agency_code = ? ORDER BY inspected_on DESC, id DESC",
                rs -> new PastInspection(rs.getLong("id"), rs.getString("agency_code"), Db.date(rs, "inspected_on"),
                        InspectionKind.parse(rs.getString("kind")), rs.getString("reference"), rs.getString("source"),
                        rs.getString("recorded_by"), Db.time(rs, "recorded_at")),
                agencyCode);
    }

    /** Each agency's latest inspection date among the rows recorded up to {@code recordedBy}. */
    public Map<String, LocalDate> lastInspected(LocalDateTime recordedBy) {
        Map<String, LocalDate> out = new HashMap<>();
        db.list("SELECT agency_code, MAX(inspected_on) AS last_on FROM inspection_history WHERE recorded_at <= ? "
                        + "GROUP BY agency_code",
                rs -> Map.entry(rs.getString("agency_code"), Db.date(rs, "last_on")), recordedBy)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(RunLog.ZONE)).truncatedTo(ChronoUnit.MILLIS);
    }

    private static LocalDate date(String text, String where) {
        String t = text == null ? "" : text.strip();
        try {
            return t.contains("/") ? LocalDate.parse(t, VIETNAMESE_DATE) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": inspected_on '" + t + "' is not a date like 2024-03-15 or "
                    + "15/03/2024");
        }
    }

    private static void require(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Missing " + what);
        }
    }
}
