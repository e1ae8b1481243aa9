package vn.onestop.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fifthFailureWithinFifteenMinutesLocksTheUserName() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("Victim", "10.0.0.1");
        }
        assertFalse(throttle.isBlocked("victim", "10.0.0.2"));
        throttle.recordFailure("victim", "10.0.0.1");
        assertTrue(throttle.isBlocked("victim", "10.0.0.2"));
        assertFalse(throttle.isBlocked("someone-else", "10.0.0.2"));
    }

    @Test
    void lockEndsWhenFailuresLeaveTheWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("victim", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertFalse(throttle.isBlocked("victim", "10.0.0.1"));
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i, "10.0.0.9");
        }
        assertTrue(throttle.isBlocked("fresh-user", "10.0.0.9"));
        assertFalse(throttle.isBlocked("fresh-user", "10.0.0.10"));
    }

    @Test
    void successClearsTheUserNamesFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("victim", "10.0.0.1");
        }
        throttle.recordSuccess("victim");
        throttle.recordFailure("victim", "10.0.0.1");
        assertFalse(throttle.isBlocked("victim", "10.0.0.1"));
    }
}
