package vn.onestop.ingest.jdbc;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import vn.onestop.core.config.ConfigException;
import vn.onestop.ingest.Field;
import vn.onestop.ingest.RecordType;

/**
 * A mapping file from a vendor's one-stop database to the canonical records (data-contract.md, "One-stop database
 * over JDBC"): the time zone of its timestamps, its code lists, and one entry per canonical record read. JSON with
 * comments; an unknown key, an unknown canonical column or a missing required one is an error that names it.
 * {@code sample-vendor} is the bundled mapping of the sample vendor schema.
 */
public record SourceMapping(@JsonProperty("time_zone") String timeZone,
                            @JsonProperty("code_lists") Map<String, Map<String, String>> codeLists,
                            @JsonProperty("entries") List<Entry> entries) {
    public static final String SAMPLE_VENDOR = "sample-vendor";

    /**
     * One canonical record read from the vendor schema.
     *
     * @param name    the watermark's and the balance's name of this read, e.g. {@code hs_hoso}
     * @param record  the canonical record ({@code case}, {@code case_event}, …)
     * @param from    tables and joins, in the vendor's SQL
     * @param where   optional filter, in the vendor's SQL
     * @param key     a numeric expression unique per row: the parallel ranges and the row's location in quarantine
     * @param updated the last-modified expression incremental extraction follows (null = read in full every time)
     * @param columns canonical column → vendor expression; unmapped columns are null
     * @param codes   canonical column → name of the code list that translates it
     */
    public record Entry(@JsonProperty("name") String name, @JsonProperty("record") String record,
                        @JsonProperty("from") String from, @JsonProperty("where") String where,
                        @JsonProperty("key") String key, @JsonProperty("updated") String updated,
                        @JsonProperty("columns") Map<String, String> columns,
                        @JsonProperty("codes") Map<String, String> codes) {
        public RecordType type() {
            return Stream.of(RecordType.values()).filter(t -> t.table().equals(record)).findFirst().orElseThrow();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** {@code sample-vendor} or the path of a mapping file. */
    public static SourceMapping load(String where) {
        if (where.equals(SAMPLE_VENDOR)) {
            try (InputStream in = SourceMapping.class.getResourceAsStream("sample-vendor.json")) {
                return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "sample-vendor.json");
            } catch (IOException e) {
                throw new IllegalStateException("the bundled sample-vendor.json is missing from the build", e);
            }
        }
        Path file = Path.of(where);
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ConfigException("source.jdbc.mapping = '" + where + "' cannot be read: " + e.getMessage()
                    + ". Give the path of a mapping file, or sample-vendor for the bundled one.");
        }
    }

    static SourceMapping parse(String json, String what) {
        SourceMapping m;
        try {
            m = JSON.readValue(json, SourceMapping.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException("The mapping file " + what + " is not valid: " + e.getOriginalMessage()
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ").");
        }
        m.validate(what);
        return m;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone == null ? "Asia/Ho_Chi_Minh" : timeZone);
    }

    /** Entries in the order records are ingested (reference data first). */
    public List<Entry> orderedEntries() {
        List<Entry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparingInt(e -> e.type().ordinal()));
        return out;
    }

    /** Canonical column → its code list (vendor value → canonical value) for an entry. */
    public Map<String, Map<String, String>> codesOf(Entry e) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (e.codes() != null) {
            e.codes().forEach((column, list) -> out.put(column, codeLists.get(list)));
        }
        return out;
    }

    private void validate(String what) {
        try {
            zone();
        } catch (DateTimeException e) {
            throw new ConfigException("The mapping file " + what + " has time_zone '" + timeZone
                    + "', which is not a time zone id such as Asia/Ho_Chi_Minh.");
        }
        if (entries == null || entries.isEmpty()) {
            throw new ConfigException("The mapping file " + what + " has no entries.");
        }
        List<String> names = new ArrayList<>();
        for (Entry e : entries) {
            String where = "The mapping file " + what + ", entry '" + e.name() + "'";
            if (e.name() == null || e.name().isBlank() || names.contains(e.name())) {
                throw new ConfigException("The mapping file " + what + " has an entry without a name, or two "
                        + "entries named '" + e.name() + "': names identify watermarks and must be unique.");
            }
            names.add(e.name());
            Optional<RecordType> type = Stream.of(RecordType.values()).filter(t -> t.table().equals(e.record())).findFirst();
            if (type.isEmpty()) {
                throw new ConfigException(where + ": record '" + e.record() + "' is not a canonical record ("
                        + String.join(", ", Stream.of(RecordType.values()).map(RecordType::table).toList()) + ").");
            }
            if (e.from() == null || e.key() == null || e.columns() == null) {
                throw new ConfigException(where + " needs from, key and columns.");
            }
            List<String> canonical = type.get().columnNames();
            for (String column : e.columns().keySet()) {
                if (!canonical.contains(column)) {
                    throw new ConfigException(where + ": '" + column + "' is not a column of " + e.record() + " ("
                            + String.join(", ", canonical) + ").");
                }
            }
            for (Field f : type.get().fields()) {
                if (f.required() && !e.columns().containsKey(f.name())) {
                    throw new ConfigException(where + " does not map the required column " + f.name() + ".");
                }
            }
            if (e.codes() != null) {
                e.codes().forEach((column, list) -> {
                    if (!e.columns().containsKey(column) || codeLists == null || !codeLists.containsKey(list)) {
                        throw new ConfigException(where + ": codes of '" + column + "' name list '" + list
                                + "', but the column is not mapped or the list is not in code_lists.");
                    }
                });
            }
        }
    }
}
