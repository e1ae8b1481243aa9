package vn.onestop.dashboard.published;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * What was read from a published run, kept in memory: its rows never change under its run id. The least recently
 * used entries go first once their weight (rows, bytes) exceeds a bound, because the dashboard runs in a small heap.
 * Keys carry the run id, so a new publication simply stops asking for the old ones.
 */
public final class BoundedCache<V> {
    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private final Map<String, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    public BoundedCache(long maxWeight, ToLongFunction<V> weigher) {
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /**
     * The value of {@code key}, or the one {@code load} makes (outside the lock, so a slow read blocks no one; two
     * requests missing together both load, and the second's value is kept). A value heavier than the bound is served
     * and kept alone.
     */
    public V get(String key, Supplier<V> load) {
        synchronized (this) {
            V known = entries.get(key);
            if (known != null) {
                return known;
            }
        }
        V loaded = load.get();
        synchronized (this) {
            V previous = entries.put(key, loaded);
            weight += weigher.applyAsLong(loaded) - (previous == null ? 0 : weigher.applyAsLong(previous));
            Iterator<V> eldest = entries.values().iterator();
            while (weight > maxWeight && entries.size() > 1 && eldest.hasNext()) {
                V dropped = eldest.next();
                if (dropped == loaded) {
                    continue;
                }
                weight -= weigher.applyAsLong(dropped);
                eldest.remove();
            }
        }
        return loaded;
    }

    /** Forgets every entry (a new run was published). */
    public synchronized void clear() {
        entries.clear();
        weight = 0;
    }

    public synchronized long weight() {
        return weight;
    }
}
