package vn.onestop.jobs;

import java.util.Optional;
import vn.onestop.core.store.RunCancelledException;
import vn.onestop.core.store.Store;
import vn.onestop.core.store.StoreException;
import vn.onestop.ingest.Lake;

/**
 * A failed run, told so that the reader knows what broke and what to do: a damaged lake file is named with the way
 * to rewrite it, a store that failed is named with its location; other failures keep their own message (sources
 * already name themselves).
 */
final class RunFailure extends RuntimeException {
    RunFailure(String message, Throwable cause) {
        super(message, cause);
    }

    static String message(Throwable e, Store store) {
        Optional<String> damaged = Lake.damagedFile(e);
        if (damaged.isPresent()) {
            return "The lake file " + damaged.get() + " cannot be read: it is damaged (" + root(e) + "). Move it out of "
                    + "the lake, then run 'ingest --full' to read the sources again in full and rewrite its partition "
                    + "(for a table loaded from a folder, 'ingest --input' with that folder). The previously published "
                    + "run keeps serving.";
        }
        Optional<StoreException> storeFailure = find(e, StoreException.class);
        if (storeFailure.isPresent()) {
            return "The " + store.describe() + " failed: " + storeFailure.get().getMessage() + ". The previously "
                    + "published run keeps serving; check that the database is up and reachable, then run again.";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    static boolean cancelled(Throwable e) {
        return find(e, RunCancelledException.class).isPresent();
    }

    private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
