package vn.onestop.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.onestop.core.config.OneStopConfig;

/** The shipped {@code log4j2.properties}: text lines by default, one ECS JSON object per line with log.format=json. */
class LogFormatTest {
    @AfterEach
    void clear() {
        System.clearProperty(LogFormat.PROPERTY);
    }

    /** What the shipped configuration prints for one message, in a logger context of its own. */
    private static String logged(String format) throws Exception {
        if (format == null) {
            System.clearProperty(LogFormat.PROPERTY);
        } else {
            System.setProperty(LogFormat.PROPERTY, format);
        }
        URI shipped = LogFormatTest.class.getResource("/log4j2.properties").toURI();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext("log-format-test", null, shipped);
        try {
            context.start();
            context.getLogger("vn.onestop.jobs.Pipeline").info("Run {} published for {}", "run-7", "Đăk Hà");
            context.getLogger("org.apache.spark.SparkContext").info("quiet below error");
        } finally {
            context.stop();
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textIsTheDefault() throws Exception {
        String out = logged(null);
        assertTrue(out.matches("\\d\\d:\\d\\d:\\d\\d INFO  Pipeline - Run run-7 published for Đăk Hà\\R"), out);
    }

    @Test
    void jsonGivesOneEcsObjectPerLine() throws Exception {
        String out = logged("json");
        String[] lines = out.split("\\R");
        assertEquals(1, lines.length, out);
        JsonNode line = new ObjectMapper().readTree(lines[0]);
        assertEquals("Run run-7 published for Đăk Hà", line.get("message").asText());
        assertEquals("INFO", line.get("log.level").asText());
        assertEquals("vn.onestop.jobs.Pipeline", line.get("log.logger").asText());
        assertTrue(line.has("@timestamp") && line.has("process.thread.name"), out);
    }

    @Test
    void theConfigurationKeySwitchesTheFormatAfterStart() {
        LogFormat.apply(OneStopConfig.defaults().with(Map.of("log.format", "json")));
        assertEquals("json", System.getProperty(LogFormat.PROPERTY));
        LogFormat.apply(OneStopConfig.defaults().with(Map.of("log.format", "text")));
        assertEquals("text", System.getProperty(LogFormat.PROPERTY));
    }
}
