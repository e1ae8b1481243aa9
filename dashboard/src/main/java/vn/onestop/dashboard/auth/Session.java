package vn.onestop.dashboard.auth;

import java.time.Instant;

/** A signed-in browser: its user, the token its forms must send back, and when it was opened and last used. */
public record Session(String id, User user, String csrfToken, Instant openedAt, Instant lastSeen) {
    Session seenAt(Instant now) {
        return new Session(id, user, csrfToken, openedAt, now);
    }
}
