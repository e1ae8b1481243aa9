package vn.onestop.dashboard.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks JSON against the part of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that the document uses: type,
 * properties, required, additionalProperties, items, oneOf, enum, $ref. Any other constraint keyword is an error,
 * so the document can never promise something this check silently skips.
 */
public final class JsonSchemaSubset {
    private static final Set<String> CHECKED = Set.of("type", "properties", "required", "additionalProperties", "items",
            "oneOf", "enum", "$ref");
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "format", "default", "examples");

    private final JsonNode document;

    public JsonSchemaSubset(JsonNode document) {
        this.document = document;
    }

    /** The problems found, each with the JSON path where it is; empty when the value matches. */
    public List<String> problems(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> out) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String keyword = it.next();
            if (!CHECKED.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
                throw new IllegalArgumentException("Keyword '" + keyword + "' at " + at + " is not checked here");
            }
        }
        if (schema.has("$ref")) {
            JsonNode target = document.at(schema.get("$ref").asText().substring(1));
            if (target.isMissingNode()) {
                out.add(at + ": unresolved " + schema.get("$ref").asText());
                return;
            }
            check(target, value, at, out);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            out.add(at + ": " + kind(value) + " where the schema says " + schema.get("type"));
            return;
        }
        if (schema.has("enum")) {
            boolean any = false;
            for (JsonNode e : schema.get("enum")) {
                any |= e.equals(value);
            }
            if (!any) {
                out.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode option : schema.get("oneOf")) {
                if (problems(option, value).isEmpty()) {
                    matching++;
                }
            }
            if (matching != 1) {
                List<String> why = new ArrayList<>();
                schema.get("oneOf").forEach(option -> check(option, value, at, why));
                out.add(at + ": matches " + matching + " of oneOf, not exactly 1 " + why);
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            if (schema.has("required")) {
                schema.get("required").forEach(r -> {
                    if (!value.has(r.asText())) {
                        out.add(at + ": no '" + r.asText() + "'");
                    }
                });
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = at + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), path, out);
                } else if (schema.has("additionalProperties")) {
                    JsonNode extra = schema.get("additionalProperties");
                    if (extra.isBoolean() && !extra.asBoolean()) {
                        out.add(path + ": not in the schema");
                    } else if (extra.isObject()) {
                        check(extra, field.getValue(), path, out);
                    }
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", out);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "null" -> value.isNull();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalArgumentException("Unknown type " + type);
        };
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase();
    }
}
