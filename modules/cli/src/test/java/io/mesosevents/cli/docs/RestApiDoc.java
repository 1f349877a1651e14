package io.mesosevents.cli.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/reference/rest-api.md} from the OpenAPI description that {@code serve} publishes
 * at {@code /openapi.json}: authentication, every path and method with its parameters and responses,
 * and every component schema. References ({@code $ref}) are resolved so each endpoint reads on its own.
 */
final class RestApiDoc {

    static final String FILE = "rest-api.md";
    static final String OPENAPI_JSON = "modules/streams/src/main/resources/io/mesosevents/streams/rest/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /** One operation of the description, for the summary and the test. */
    record Endpoint(String method, String path, JsonNode operation, JsonNode pathItem) {

        String anchor() {
            return Markdown.slug(method + " " + path);
        }

        String title() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private final JsonNode api;
    /** Component schema name → full name of the Avro record it renders, for schemas that are views of the topics. */
    private final Map<String, String> avroRecords;

    RestApiDoc(JsonNode api, Map<String, String> avroRecords) {
        this.api = api;
        this.avroRecords = Map.copyOf(avroRecords);
    }

    static RestApiDoc fromRepository(Path root, Map<String, String> avroRecords) {
        try {
            return new RestApiDoc(new ObjectMapper().readTree(root.resolve(OPENAPI_JSON).toFile()), avroRecords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                endpoints.add(new Endpoint(entry.getKey(), path.getKey(), entry.getValue(), path.getValue()));
            }
        }));
        return endpoints;
    }

    List<String> schemaNames() {
        List<String> names = new ArrayList<>();
        api.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        return names;
    }

    String render() {
        StringBuilder md = new StringBuilder();
        JsonNode info = api.path("info");
        md.append("# REST API\n\n").append(Markdown.generatedNotice(getClass())).append('\n');
        md.append("The interactive-query API of the views, as every `mesos-events serve` instance describes it at\n")
                .append("`/openapi.json` (OpenAPI ").append(api.path("openapi").asText()).append(", \"")
                .append(info.path("title").asText()).append("\" version ").append(info.path("version").asText())
                .append("). This page is generated from\n")
                .append(Markdown.link(Markdown.code(Path.of(OPENAPI_JSON).getFileName().toString()), "../../" + OPENAPI_JSON))
                .append(". Running and securing the service is in [operations](../operations.md); the views it serves are\n")
                .append("described in [the architecture](../architecture.md); their rows are the Avro records of\n")
                .append("[topics and schemas](topics-and-schemas.md), rendered as JSON.\n\n");
        md.append(Markdown.text(info.path("description").asText())).append("\n\n");
        appendContents(md);
        appendAuthentication(md);
        appendEndpoints(md);
        appendSchemas(md);
        return md.toString();
    }

    private void appendContents(StringBuilder md) {
        md.append("## Contents\n\n");
        md.append("- [Authentication](#authentication)\n");
        md.append("- [Endpoints](#endpoints)\n");
        endpoints().forEach(e -> md.append("  - ").append(Markdown.link(Markdown.code(e.title()), "#" + e.anchor())).append('\n'));
        md.append("- [Schemas](#schemas): ").append(schemaNames().stream()
                .map(n -> Markdown.link(n, "#" + OpenApiSchemaText.schemaAnchor(n))).collect(Collectors.joining(", "))).append("\n\n");
    }

    private void appendAuthentication(StringBuilder md) {
        md.append(Markdown.anchor("authentication")).append("## Authentication\n\n");
        List<List<String>> rows = new ArrayList<>();
        api.path("components").path("securitySchemes").fields().forEachRemaining(s -> rows.add(List.of(
                Markdown.code(s.getKey()),
                Markdown.text(s.getValue().path("type").asText() + " " + s.getValue().path("scheme").asText("")).strip(),
                Markdown.text(s.getValue().path("description").asText("")))));
        md.append(Markdown.table(List.of("Scheme", "Type", "When"), rows)).append('\n');
        md.append("Unless an endpoint says otherwise, a request needs ").append(requirement(api.path("security")))
                .append(".\n\n");
    }

    /** A security requirement list as words: an empty requirement means none is needed. */
    private static String requirement(JsonNode security) {
        if (security.isMissingNode() || security.isEmpty()) {
            return "no credentials";
        }
        return OpenApiSchemaText.elements(security).stream()
                .map(r -> r.isEmpty() ? "no credentials" : String.join(" and ", iterable(r.fieldNames())))
                .map(s -> s.equals("no credentials") ? s : Markdown.code(s))
                .collect(Collectors.joining(", or "));
    }

    private void appendEndpoints(StringBuilder md) {
        md.append(Markdown.anchor("endpoints")).append("## Endpoints\n\n");
        List<List<String>> summary = endpoints().stream().map(e -> List.of(
                Markdown.code(e.method().toUpperCase(Locale.ROOT)),
                Markdown.link(Markdown.cellCode(e.path()), "#" + e.anchor()),
                Markdown.text(e.operation().path("summary").asText("")))).toList();
        md.append(Markdown.table(List.of("Method", "Path", "Summary"), summary));
        endpoints().forEach(e -> appendEndpoint(md, e));
    }

    private void appendEndpoint(StringBuilder md, Endpoint endpoint) {
        JsonNode operation = endpoint.operation();
        md.append('\n').append(Markdown.anchor(endpoint.anchor())).append("### ").append(Markdown.code(endpoint.title())).append("\n\n");
        List<String> lead = new ArrayList<>();
        String summary = operation.path("summary").asText("");
        if (!summary.isEmpty()) {
            lead.add("**" + Markdown.text(summary) + ".**");
        }
        String description = Markdown.text(operation.path("description").asText(""));
        if (!description.isEmpty()) {
            lead.add(description);
        }
        md.append(String.join(" ", lead)).append("\n\n");
        if (operation.has("security")) {
            md.append("This endpoint needs ").append(requirement(operation.get("security"))).append(".\n\n");
        }
        List<JsonNode> parameters = new ArrayList<>();
        OpenApiSchemaText.elements(endpoint.pathItem().path("parameters")).forEach(p -> parameters.add(resolve(p)));
        OpenApiSchemaText.elements(operation.path("parameters")).forEach(p -> parameters.add(resolve(p)));
        if (!parameters.isEmpty()) {
            md.append("Parameters:\n\n").append(Markdown.table(List.of("Name", "In", "Type", "Required", "Description"),
                    parameters.stream().map(RestApiDoc::parameterRow).toList())).append('\n');
        }
        md.append("Responses:\n\n").append(Markdown.table(List.of("Status", "Description", "Body"), responseRows(operation)));
    }

    private static List<String> parameterRow(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        List<String> notes = new ArrayList<>();
        notes.add(Markdown.text(parameter.path("description").asText("")));
        if (schema.has("minimum") && schema.has("maximum")) {
            notes.add("From " + schema.get("minimum").asText() + " to " + schema.get("maximum").asText() + ".");
        } else if (schema.has("minimum")) {
            notes.add("At least " + schema.get("minimum").asText() + ".");
        } else if (schema.has("maximum")) {
            notes.add("At most " + schema.get("maximum").asText() + ".");
        }
        if (schema.has("default")) {
            notes.add("Default " + Markdown.cellCode(schema.get("default").asText()) + ".");
        }
        JsonNode example = parameter.has("example") ? parameter.get("example") : schema.get("example");
        if (example != null) {
            notes.add("Example: " + Markdown.cellCode(example.asText()) + ".");
        }
        return List.of(
                Markdown.code(parameter.path("name").asText()),
                parameter.path("in").asText(),
                OpenApiSchemaText.type(schema),
                parameter.path("required").asBoolean(false) ? "yes" : "no",
                notes.stream().filter(n -> !n.isEmpty()).collect(Collectors.joining(" ")));
    }

    private List<List<String>> responseRows(JsonNode operation) {
        List<Map.Entry<String, JsonNode>> responses = new ArrayList<>();
        operation.path("responses").fields().forEachRemaining(responses::add);
        // Ascending status codes read best; the description lists them in no particular order.
        responses.sort(Comparator.comparing(Map.Entry::getKey));
        return responses.stream().map(r -> {
            JsonNode response = resolve(r.getValue());
            List<String> body = new ArrayList<>();
            response.path("content").fields().forEachRemaining(c ->
                    body.add(Markdown.code(c.getKey()) + ": " + OpenApiSchemaText.type(c.getValue().path("schema"))));
            response.path("headers").fields().forEachRemaining(h -> {
                String description = Markdown.text(h.getValue().path("description").asText(""));
                body.add("header " + Markdown.code(h.getKey()) + " (" + OpenApiSchemaText.type(h.getValue().path("schema")) + ")"
                        + (description.isEmpty() ? "" : ": " + description));
            });
            return List.of(Markdown.code(r.getKey()), Markdown.text(response.path("description").asText("")), String.join("<br>", body));
        }).toList();
    }

    private void appendSchemas(StringBuilder md) {
        md.append('\n').append(Markdown.anchor("schemas")).append("## Schemas\n");
        api.path("components").path("schemas").fields().forEachRemaining(s -> {
            String name = s.getKey();
            JsonNode schema = s.getValue();
            md.append('\n').append(Markdown.anchor(OpenApiSchemaText.schemaAnchor(name))).append("### ").append(name).append("\n\n");
            String description = Markdown.text(schema.path("description").asText(""));
            if (!description.isEmpty()) {
                md.append(description).append("\n\n");
            }
            String avroRecord = avroRecords.get(name);
            if (avroRecord != null) {
                md.append("Its fields: the Avro record ")
                        .append(Markdown.link(name, "topics-and-schemas.md#" + avroRecord)).append(".\n");
            }
            List<OpenApiSchemaText.PropertyRow> rows = OpenApiSchemaText.properties(schema);
            if (!rows.isEmpty()) {
                md.append(Markdown.table(List.of("Property", "Type", "Required", "Description"), rows.stream().map(r -> List.of(
                        Markdown.code(r.path()), r.type(), r.required() ? "yes" : "no", Markdown.text(r.description()))).toList()));
            } else if (avroRecord == null) {
                md.append("Type: ").append(OpenApiSchemaText.type(schema)).append(".\n");
            }
        });
    }

    /** The node a {@code $ref} points at (a local JSON pointer such as {@code #/components/parameters/limit}), else the node. */
    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = api.at(node.get("$ref").asText().substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("openapi.json refers to " + node.get("$ref").asText() + ", which it does not define");
        }
        return resolve(target);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
