package vn.onestop.dashboard.published;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One analytics run as recorded in {@code run}; its message in English and, where recorded, in Vietnamese. */
public record RunInfo(String runId, String triggerKind, String status, LocalDateTime startedAt,
                      LocalDateTime finishedAt, LocalDate periodFrom, LocalDate periodTo, String pointsProfile,
                      String formulaVersion, String message, String messageVi) {
    /** The message in the page's language. */
    public String message(boolean vietnamese) {
        return vn.onestop.core.store.RunMessage.pick(message, messageVi, vietnamese);
    }
}
