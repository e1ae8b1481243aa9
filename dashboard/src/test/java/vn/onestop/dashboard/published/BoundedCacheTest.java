package vn.onestop.dashboard.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
    private static BoundedCache<List<Integer>> rows(long max) {
        return new BoundedCache<>(max, List::size);
    }

    @Test
    void readsOnceThenServesFromMemory() {
        BoundedCache<List<Integer>> cache = rows(10);
        AtomicInteger reads = new AtomicInteger();
        List<Integer> first = cache.get("run-1|month|2026-10-01", () -> {
            reads.incrementAndGet();
            return List.of(1, 2, 3);
        });
        List<Integer> second = cache.get("run-1|month|2026-10-01", () -> {
            reads.incrementAndGet();
            return List.of(9);
        });
        assertSame(first, second);
        assertEquals(1, reads.get());
        assertEquals(3, cache.weight());
    }

    @Test
    void dropsTheLeastRecentlyUsedOnceTheWeightExceedsTheBound() {
        BoundedCache<List<Integer>> cache = rows(10);
        cache.get("a", () -> List.of(1, 2, 3, 4));
        cache.get("b", () -> List.of(1, 2, 3, 4));
        cache.get("a", List::of); // a is now the most recently used
        cache.get("c", () -> List.of(1, 2, 3, 4)); // 12 > 10: b goes, not a
        assertEquals(8, cache.weight());
        AtomicInteger reads = new AtomicInteger();
        cache.get("a", () -> {
            reads.incrementAndGet();
            return List.of();
        });
        assertEquals(0, reads.get());
        cache.get("b", () -> {
            reads.incrementAndGet();
            return List.of(5);
        });
        assertEquals(1, reads.get());
    }

    @Test
    void oneEntryHeavierThanTheBoundIsStillServedAndClearForgetsAll() {
        BoundedCache<List<Integer>> cache = rows(2);
        assertEquals(List.of(1, 2, 3), cache.get("big", () -> List.of(1, 2, 3)));
        assertEquals(3, cache.weight());
        cache.get("small", () -> List.of(1)); // the big one goes
        assertEquals(1, cache.weight());
        cache.clear();
        assertEquals(0, cache.weight());
    }
}
