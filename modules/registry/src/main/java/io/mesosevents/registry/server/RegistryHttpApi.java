package io.mesosevents.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.mesosevents.registry.CompatibilityLevel;
import io.mesosevents.registry.RegistryMediaTypes;
import io.mesosevents.registry.server.SchemaLogRecord.SchemaVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API over a {@link Registry}: paths, query parameters, JSON
 * shapes, status codes and {@code {"error_code", "message"}} error bodies as Confluent's registry
 * has them. Every answer is {@value RegistryMediaTypes#V1_JSON}; no stack trace ever reaches a
 * client.
 */
final class RegistryHttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpApi.class);
    private static final String SUBJECT = "/subjects/{subject}";
    private static final String VERSION = SUBJECT + "/versions/{version}";

    private final Registry registry;
    private final ObjectMapper mapper = new ObjectMapper();

    RegistryHttpApi(Registry registry) {
        this.registry = registry;
    }

    void install(JavalinConfig config) {
        config.routes.before(this::requireJsonBody);
        config.routes.get("/", ctx -> respond(ctx, mapper.createObjectNode()));
        config.routes.get("/schemas/types", ctx -> respond(ctx, mapper.createArrayNode().add("AVRO")));
        config.routes.get("/schemas/ids/{id}", this::schemaById);
        config.routes.get("/schemas/ids/{id}/versions", this::versionsOfSchema);
        config.routes.get("/subjects", ctx -> respond(ctx, strings(registry.subjects(flag(ctx, "deleted")))));
        config.routes.post(SUBJECT, this::lookup);
        config.routes.delete(SUBJECT, ctx ->
                respond(ctx, integers(registry.deleteSubject(subject(ctx), flag(ctx, "permanent")))));
        config.routes.get(SUBJECT + "/versions", ctx ->
                respond(ctx, integers(registry.versions(subject(ctx), flag(ctx, "deleted")))));
        config.routes.post(SUBJECT + "/versions", this::register);
        config.routes.get(VERSION, ctx ->
                respond(ctx, versionJson(registry.version(subject(ctx), version(ctx), flag(ctx, "deleted")))));
        config.routes.get(VERSION + "/schema", ctx -> ctx.contentType(RegistryMediaTypes.V1_JSON).result(
                registry.version(subject(ctx), version(ctx), flag(ctx, "deleted")).schema().getBytes(StandardCharsets.UTF_8)));
        config.routes.delete(VERSION, ctx -> respond(ctx,
                mapper.getNodeFactory().numberNode(registry.deleteVersion(subject(ctx), version(ctx), flag(ctx, "permanent")))));
        config.routes.get("/config", ctx -> respond(ctx, levelJson("compatibilityLevel", registry.globalLevel())));
        config.routes.put("/config", this::setGlobalLevel);
        config.routes.get("/config/{subject}", this::subjectLevel);
        config.routes.put("/config/{subject}", this::setSubjectLevel);
        config.routes.delete("/config/{subject}", ctx ->
                respond(ctx, levelJson("compatibilityLevel", registry.deleteSubjectLevel(subject(ctx)))));
        config.routes.post("/compatibility" + VERSION, this::testCompatibility);

        config.routes.exception(RegistryError.class, (error, ctx) -> error(ctx, error.status(), error.errorCode(), error.getMessage()));
        config.routes.exception(HttpResponseException.class, (error, ctx) -> error(ctx, error.getStatus(), error.getStatus(),
                "HTTP " + error.getStatus() + " " + HttpStatus.getMessage(error.getStatus())));
        config.routes.exception(Exception.class, (error, ctx) -> {
            LOG.error("Unexpected error serving {} {}", ctx.method(), ctx.path(), error);
            error(ctx, 500, 50001, "Internal server error");
        });
        config.requestLogger.http((ctx, millis) ->
                LOG.debug("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis)));
    }

    private void register(Context ctx) {
        JsonNode body = body(ctx);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw RegistryError.invalidSchema("schema type " + type + " is not supported; this registry stores AVRO only");
        }
        if (body.path("references").size() > 0) {
            throw RegistryError.invalidSchema("schema references are not supported");
        }
        int id = registry.register(subject(ctx), schemaText(body));
        respond(ctx, mapper.createObjectNode().put("id", id));
    }

    private void lookup(Context ctx) {
        respond(ctx, versionJson(registry.lookup(subject(ctx), schemaText(body(ctx)), flag(ctx, "deleted"))));
    }

    private void schemaById(Context ctx) {
        respond(ctx, mapper.createObjectNode().put("schema", registry.schemaById(id(ctx)).toString()));
    }

    private void versionsOfSchema(Context ctx) {
        ArrayNode versions = mapper.createArrayNode();
        for (SchemaVersion version : registry.versionsWithId(id(ctx), flag(ctx, "deleted"))) {
            versions.addObject().put("subject", version.subject()).put("version", version.version());
        }
        respond(ctx, versions);
    }

    private void testCompatibility(Context ctx) {
        List<String> problems = registry.compatibilityProblems(subject(ctx), version(ctx), schemaText(body(ctx)));
        ObjectNode answer = mapper.createObjectNode().put("is_compatible", problems.isEmpty());
        if (flag(ctx, "verbose")) {
            answer.set("messages", strings(problems));
        }
        respond(ctx, answer);
    }

    private void setGlobalLevel(Context ctx) {
        CompatibilityLevel level = level(body(ctx));
        registry.setGlobalLevel(level);
        respond(ctx, levelJson("compatibility", level));
    }

    private void subjectLevel(Context ctx) {
        String subject = subject(ctx);
        CompatibilityLevel level = registry.subjectLevel(subject)
                .or(() -> flag(ctx, "defaultToGlobal") ? Optional.of(registry.globalLevel()) : Optional.<CompatibilityLevel>empty())
                .orElseThrow(() -> RegistryError.subjectCompatibilityNotConfigured(subject));
        respond(ctx, levelJson("compatibilityLevel", level));
    }

    private void setSubjectLevel(Context ctx) {
        CompatibilityLevel level = level(body(ctx));
        registry.setSubjectLevel(subject(ctx), level);
        respond(ctx, levelJson("compatibility", level));
    }

    /** Refuses bodies in types the registry does not read, as Confluent's registry does (415). */
    private void requireJsonBody(Context ctx) {
        String contentType = ctx.contentType();
        if ((ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT) && contentType != null) {
            String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!RegistryMediaTypes.REQUEST_TYPES.contains(mediaType)) {
                throw RegistryError.of(415, 415, "HTTP 415 Unsupported Media Type");
            }
        }
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode body = mapper.readTree(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) {
                throw RegistryError.of(400, 400, "The request body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw RegistryError.of(400, 400, "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RegistryError.of(400, 400, "The request body cannot be read");
        }
    }

    private static String schemaText(JsonNode body) {
        JsonNode schema = body.path("schema");
        return schema.isTextual() ? schema.asText() : null;
    }

    private static CompatibilityLevel level(JsonNode body) {
        return CompatibilityLevel.parse(body.path("compatibility").asText(null))
                .orElseThrow(RegistryError::invalidCompatibilityLevel);
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    private static VersionSpec version(Context ctx) {
        return VersionSpec.parse(ctx.pathParam("version"));
    }

    private static int id(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw RegistryError.schemaNotFound(id);
        }
    }

    private static boolean flag(Context ctx, String name) {
        return Boolean.parseBoolean(ctx.queryParam(name));
    }

    private ObjectNode versionJson(SchemaVersion version) {
        return mapper.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema());
    }

    private ObjectNode levelJson(String field, CompatibilityLevel level) {
        return mapper.createObjectNode().put(field, level.name());
    }

    private ArrayNode strings(List<String> values) {
        ArrayNode array = mapper.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private ArrayNode integers(List<Integer> values) {
        ArrayNode array = mapper.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static void respond(Context ctx, JsonNode body) {
        // JsonNode.toString() writes standard JSON; JSON is UTF-8 whatever the servlet's default charset.
        ctx.contentType(RegistryMediaTypes.V1_JSON).result(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void error(Context ctx, int status, int errorCode, String message) {
        ObjectNode body = mapper.createObjectNode().put("error_code", errorCode).put("message", message);
        respond(ctx.status(status), body);
    }
}
