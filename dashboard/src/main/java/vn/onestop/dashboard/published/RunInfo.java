package vn.onestop.dashboard.published;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One analytics run as recorded in {@code run}. */
public record RunInfo(String runId, String triggerKind, String status, LocalDateTime startedAt,
                      LocalDateTime finishedAt, LocalDate periodFrom, LocalDate periodTo, String pointsProfile,
                      String formulaVersion, String message) {
}
