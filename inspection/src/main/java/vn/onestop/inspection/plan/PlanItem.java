package vn.onestop.inspection.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.onestop.inspection.history.InspectionKind;

/**
 * One line of the year's plan: an agency inspected in a quarter, directly or indirectly; a direct inspection with a
 * planned start is announced on {@code noticeDate} (inspection.notice_days before).
 */
public record PlanItem(long id, int year, String agencyCode, int quarter, InspectionKind kind, LocalDate plannedStart,
                       LocalDate noticeDate, String notes, String addedBy, LocalDateTime addedAt) {
}
