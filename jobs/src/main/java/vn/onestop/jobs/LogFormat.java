package vn.onestop.jobs;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import vn.onestop.core.config.OneStopConfig;

/**
 * Applies {@code log.format} (text or json) once the configuration is read. Logging starts before that, from
 * {@code -Donestop.log.format} or {@code ONESTOP_LOG_FORMAT}; a value from the configuration file or {@code --set}
 * switches the appender of {@code log4j2.properties} then, so every way of setting the key works.
 */
final class LogFormat {
    static final String PROPERTY = "onestop.log.format";

    private LogFormat() {
    }

    static void apply(OneStopConfig config) {
        String wanted = config.string("log.format");
        String current = System.getProperty(PROPERTY, System.getenv().getOrDefault("ONESTOP_LOG_FORMAT", "text"));
        if (!wanted.equals(current)) {
            System.setProperty(PROPERTY, wanted);
            if (LogManager.getContext(false) instanceof LoggerContext context) {
                context.reconfigure();
            }
        }
    }
}
