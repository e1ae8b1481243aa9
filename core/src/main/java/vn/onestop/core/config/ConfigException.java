package vn.onestop.core.config;

/** A configuration problem, always naming the key and how to fix it. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
