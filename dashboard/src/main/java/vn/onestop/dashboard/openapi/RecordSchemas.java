package vn.onestop.dashboard.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schemas of the records the API answers with, as Jackson writes them: every component, in order, always
 * present (nulls are written), nothing else. Java says nothing about nullness, so every reference type may be
 * null; primitives may not. Only {@code type}, {@code properties}, {@code required}, {@code additionalProperties},
 * {@code items}, {@code oneOf} and {@code $ref} are used. A type it cannot describe is an error, never a guess.
 */
final class RecordSchemas {
    static final String PREFIX = "#/components/schemas/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, ObjectNode> schemas = new TreeMap<>();
    private final Map<String, Class<?>> named = new TreeMap<>();

    /** {@code AgencyController.AgencyPage} → {@code Agency.AgencyPage}; {@code ValueView} → {@code ValueView}. */
    static String name(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName()
                : outer.getSimpleName().replaceFirst("Controller$", "") + "." + type.getSimpleName();
    }

    /** Adds the schema of a record and of every record it holds; answers its name. */
    String add(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record + " is not a record");
        }
        String name = name(record);
        Class<?> known = named.putIfAbsent(name, record);
        if (known != null) {
            if (known != record) {
                throw new IllegalStateException("Two records would share the schema name " + name + ": " + known
                        + " and " + record);
            }
            return name;
        }
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (RecordComponent c : record.getRecordComponents()) {
            properties.set(c.getName(), schemaOf(c.getGenericType(), record + "." + c.getName()));
            required.add(c.getName());
        }
        schema.put("additionalProperties", false);
        schemas.put(name, schema);
        return name;
    }

    Map<String, ObjectNode> schemas() {
        return schemas;
    }

    private ObjectNode schemaOf(Type type, String where) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                return nullable("array").set("items", schemaOf(p.getActualTypeArguments()[0], where));
            }
            if (Map.class.isAssignableFrom(raw) && p.getActualTypeArguments()[0] == String.class) {
                return nullable("object").set("additionalProperties", schemaOf(p.getActualTypeArguments()[1], where));
            }
        }
        if (type == int.class || type == long.class || type == short.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (type == boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (type == double.class || type == float.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (type == String.class) {
            return nullable("string");
        }
        if (type == Integer.class || type == Long.class) {
            return nullable("integer");
        }
        if (type == Boolean.class) {
            return nullable("boolean");
        }
        if (type == BigDecimal.class || type == Double.class) {
            return nullable("number");
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            ObjectNode schema = JSON.objectNode();
            schema.putArray("oneOf").add(JSON.objectNode().put("$ref", PREFIX + add(c)))
                    .add(JSON.objectNode().put("type", "null"));
            return schema;
        }
        throw new IllegalArgumentException("No schema for " + type.getTypeName() + " in " + where);
    }

    private static ObjectNode nullable(String type) {
        ObjectNode schema = JSON.objectNode();
        schema.putArray("type").add(type).add("null");
        return schema;
    }
}
