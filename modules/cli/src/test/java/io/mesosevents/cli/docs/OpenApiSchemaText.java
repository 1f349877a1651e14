package io.mesosevents.cli.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * How an OpenAPI schema object reads in the REST reference: a one-line type for table cells, and
 * the rows of a properties table, nested objects flattened into dotted paths.
 */
final class OpenApiSchemaText {

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

    /** One row of a properties table: a dotted path such as {@code data[].stores.*.active}. */
    record PropertyRow(String path, String type, boolean required, String description) {
    }

    private OpenApiSchemaText() {
    }

    static String schemaAnchor(String name) {
        return "schema-" + Markdown.slug(name);
    }

    /** A one-line type, e.g. "array of [AppView]", "string (date-time), nullable", "Collection with data: …". */
    static String type(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isEmpty()) {
            return "any";
        }
        if (schema.has("$ref")) {
            String name = refName(schema.get("$ref").asText());
            return Markdown.link(name, "#" + schemaAnchor(name));
        }
        if (schema.has("allOf")) {
            return elements(schema.get("allOf")).stream().map(OpenApiSchemaText::type).collect(Collectors.joining(" with "));
        }
        String type = schema.path("type").asText("");
        String text = switch (type) {
            case "array" -> "array of " + type(schema.get("items"));
            case "object" -> objectType(schema);
            case "" -> "any";
            default -> type + (schema.has("format") ? " (" + schema.get("format").asText() + ")" : "");
        };
        if (schema.has("enum")) {
            text += ", one of " + elements(schema.get("enum")).stream().map(e -> Markdown.code(e.asText())).collect(Collectors.joining(", "));
        }
        if (schema.path("nullable").asBoolean(false)) {
            text += ", nullable";
        }
        return text;
    }

    private static String objectType(JsonNode schema) {
        if (schema.has("properties")) {
            // An inline object in a body, e.g. the data member that allOf adds to Collection.
            List<String> members = new ArrayList<>();
            schema.get("properties").fields().forEachRemaining(p -> members.add(Markdown.code(p.getKey()) + ": " + type(p.getValue())));
            return "{ " + String.join(", ", members) + " }";
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            return "map of string to " + type(additional);
        }
        return "object";
    }

    /** The rows of an object schema's properties table; nested inline objects become dotted rows. */
    static List<PropertyRow> properties(JsonNode schema) {
        List<PropertyRow> rows = new ArrayList<>();
        collect(schema, "", rows);
        return rows;
    }

    private static void collect(JsonNode schema, String prefix, List<PropertyRow> rows) {
        List<String> required = elements(schema.path("required")).stream().map(JsonNode::asText).toList();
        schema.path("properties").fields().forEachRemaining(p -> {
            String path = prefix + p.getKey();
            JsonNode property = p.getValue();
            rows.add(new PropertyRow(path, rowType(property), required.contains(p.getKey()), property.path("description").asText("")));
            nested(property).ifPresent(n -> collect(n.schema(), path + n.suffix(), rows));
        });
    }

    /** An inline object below a property that gets rows of its own. */
    private record Nested(JsonNode schema, String suffix) {
    }

    private static Optional<Nested> nested(JsonNode property) {
        if (property.has("properties")) {
            return Optional.of(new Nested(property, "."));
        }
        if (property.path("items").has("properties")) {
            return Optional.of(new Nested(property.get("items"), "[]."));
        }
        if (property.path("additionalProperties").has("properties")) {
            return Optional.of(new Nested(property.get("additionalProperties"), ".*."));
        }
        return Optional.empty();
    }

    /** A property's type, naming inline objects plainly since their members get rows of their own. */
    private static String rowType(JsonNode property) {
        if (property.has("properties")) {
            return "object";
        }
        if (property.path("items").has("properties")) {
            return "array of object";
        }
        if (property.path("additionalProperties").has("properties")) {
            return "map of string to object";
        }
        return type(property);
    }

    static String refName(String ref) {
        int slash = ref.lastIndexOf('/');
        return slash < 0 ? ref : ref.substring(slash + 1);
    }

    static boolean isSchemaRef(String ref) {
        return ref.startsWith(SCHEMA_REF_PREFIX);
    }

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
