package vn.onestop.dashboard.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after 5 failed sign-ins for one user name within 15 minutes, or 20 from one address
 * (offices share addresses), further attempts are refused until the oldest failure leaves the window.
 */
public final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_FAILURES_PER_USER = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    private static final int MAX_TRACKED_KEYS = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean isBlocked(String username, String address) {
        return recent(userKey(username)) >= MAX_FAILURES_PER_USER
                || recent(addressKey(address)) >= MAX_FAILURES_PER_ADDRESS;
    }

    public void recordFailure(String username, String address) {
        if (failures.size() > MAX_TRACKED_KEYS) {
            failures.keySet().removeIf(k -> recent(k) == 0);
        }
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            failures.compute(key, (k, times) -> {
                Deque<Instant> out = times == null ? new ArrayDeque<>() : times;
                out.addLast(now);
                return out;
            });
        }
    }

    /** A successful sign-in clears the user name's failures (not the address's). */
    public void recordSuccess(String username) {
        failures.remove(userKey(username));
    }

    private int recent(String key) {
        Instant cutoff = clock.instant().minus(WINDOW);
        Deque<Instant> times = failures.computeIfPresent(key, (k, t) -> {
            while (!t.isEmpty() && t.peekFirst().isBefore(cutoff)) {
                t.removeFirst();
            }
            return t.isEmpty() ? null : t;
        });
        return times == null ? 0 : times.size();
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
