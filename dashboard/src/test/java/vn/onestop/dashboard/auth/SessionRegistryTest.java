package vn.onestop.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {
    private final MovableClock clock = new MovableClock();
    private final SessionRegistry sessions = new SessionRegistry(clock);
    private final User user = new User("inspector", Role.INSPECTOR, null, null);

    @Test
    void sessionsHaveUnguessableDistinctIdsAndTokens() {
        Session a = sessions.open(user);
        Session b = sessions.open(user);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertEquals(43, a.id().length());
    }

    @Test
    void anIdleHourEndsTheSessionButUseKeepsItAlive() {
        Session s = sessions.open(user);
        clock.advance(Duration.ofMinutes(59));
        assertTrue(sessions.find(s.id()).isPresent());
        clock.advance(Duration.ofMinutes(59));
        assertTrue(sessions.find(s.id()).isPresent());
        clock.advance(Duration.ofMinutes(61));
        assertTrue(sessions.find(s.id()).isEmpty());
    }

    @Test
    void tenHoursEndTheSessionHoweverBusy() {
        Session s = sessions.open(user);
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(30));
            sessions.find(s.id());
        }
        clock.advance(Duration.ofMinutes(1));
        assertTrue(sessions.find(s.id()).isEmpty());
    }

    @Test
    void closedSessionsAreGone() {
        Session s = sessions.open(user);
        sessions.close(s.id());
        assertTrue(sessions.find(s.id()).isEmpty());
        assertTrue(sessions.find(null).isEmpty());
    }
}
