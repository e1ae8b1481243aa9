package vn.onestop.dashboard.inspection;

import io.javalin.http.BadRequestResponse;
import java.util.function.Supplier;

/** A request the inspection services refuse (a missing reason, an unknown agency, …) is a 400 with the reason. */
final class InspectionErrors {
    private InspectionErrors() {
    }

    static <T> T badRequest(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }
}
