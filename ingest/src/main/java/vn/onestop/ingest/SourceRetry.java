package vn.onestop.ingest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * Bounded retries with exponential backoff around one read of a source. Only failures that a later attempt can cure
 * are retried (the source is down, unreachable, overloaded or timed out); a wrong query or a refused login fails at
 * once. The final failure names the source, what was tried and the last reason.
 */
public final class SourceRetry {
    private final int attempts;
    private final long backoffMillis;

    public SourceRetry(int attempts, long backoffMillis) {
        this.attempts = attempts;
        this.backoffMillis = backoffMillis;
    }

    /** A failure worth another attempt, such as an HTTP 503 from a server that is still starting. */
    public static final class TransientFailure extends IOException {
        public TransientFailure(String message) {
            super(message);
        }
    }

    /**
     * @param source what is being read, e.g. "source motcua (jdbc:postgresql://db/onestop), entry hs_hoso"
     */
    public <T> T run(String source, Callable<T> read) {
        return run(source, read, true);
    }

    /**
     * Like {@link #run}, for work that reads the source on the way (a load that streams a query): a source that
     * fails is retried and named as in {@code run}; any other failure is the work's own and propagates as it is.
     */
    public <T> T runReading(String source, Callable<T> work) {
        return run(source, work, false);
    }

    private <T> T run(String source, Callable<T> read, boolean wrapAll) {
        long started = System.nanoTime();
        long wait = backoffMillis;
        for (int attempt = 1; ; attempt++) {
            try {
                return read.call();
            } catch (Exception e) {
                boolean again = attempt < attempts && isTransient(e);
                if (!again && !wrapAll && !isTransient(e)) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                if (!again) {
                    long seconds = (System.nanoTime() - started) / 1_000_000_000;
                    String tried = isTransient(e) ? " is unreachable after " + attempt + " attempts over " + seconds + " s"
                            : " could not be read";
                    throw new SourceUnavailableException(capitalised(source) + tried + ": " + reason(e), e);
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new SourceUnavailableException(capitalised(source) + ": interrupted while waiting to retry", e);
                }
                wait *= 2;
            }
        }
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof TransientFailure) {
                return true;
            }
            // SQLSTATE 08 connection exception, 53 insufficient resources, 57P0x server shutting down or starting
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("53")
                    || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, which is the one that says what happened. */
    static String reason(Throwable e) {
        String message = e.toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message.strip().lines().findFirst().orElse(message);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
