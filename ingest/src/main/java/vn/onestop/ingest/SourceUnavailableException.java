package vn.onestop.ingest;

/** A source could not be read: the message names the source, what was tried and why it failed. */
public final class SourceUnavailableException extends RuntimeException {
    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
