package vn.onestop.dashboard.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open sessions, in memory: a restart signs everyone out, which is acceptable for an office tool and keeps
 * session ids out of the database. A session ends after an idle hour or ten hours in all.
 */
public final class SessionRegistry {
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(60);
    static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(10);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    public SessionRegistry(Clock clock) {
        this.clock = clock;
    }

    /** A fresh session with a fresh id (never one the browser brought: no fixation). */
    public Session open(User user) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
        Session session = new Session(SecureTokens.random(), user, SecureTokens.random(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, marked as used now. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session found = sessions.get(id);
        if (found == null) {
            return Optional.empty();
        }
        if (expired(found, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = found.seenAt(now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private static boolean expired(Session s, Instant now) {
        return s.lastSeen().plus(IDLE_TIMEOUT).isBefore(now) || s.openedAt().plus(ABSOLUTE_TIMEOUT).isBefore(now);
    }
}
