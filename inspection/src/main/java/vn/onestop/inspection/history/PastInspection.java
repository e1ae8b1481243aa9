package vn.onestop.inspection.history;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** An inspection done, as recorded in {@code inspection_history}. */
public record PastInspection(long id, String agencyCode, LocalDate inspectedOn, InspectionKind kind, String reference,
                             String source, String recordedBy, LocalDateTime recordedAt) {
}
