package vn.onestop.dashboard.sql;

/** The store could not be read or written; the message says which statement failed and why. */
public final class StoreAccessException extends RuntimeException {
    public StoreAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
