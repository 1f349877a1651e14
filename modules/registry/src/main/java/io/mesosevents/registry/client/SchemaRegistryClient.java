package io.mesosevents.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mesosevents.registry.CompatibilityLevel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A client for the Confluent Schema Registry REST API (Confluent, Apicurio ccompat, Karapace and
 * Redpanda speak it). Thread-safe; share one instance per registry.
 *
 * <p>Schema ids are immutable, so the id of a schema under a subject and the schema of an id are
 * cached (bounded, least recently used first out) and fetched at most once. Everything else is
 * read fresh. Failures surface as {@link SchemaRegistryException} (the registry answered with an
 * error) or {@link SchemaRegistryUnavailableException} (no registry could be reached).
 */
public final class SchemaRegistryClient {

    /** Confluent's error code for "subject has no subject-level compatibility". */
    private static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;

    private final SchemaRegistryClientConfig config;
    private final ObjectMapper mapper = new ObjectMapper();
    private final RegistryTransport transport;
    private final BoundedCache<SubjectSchema, Integer> registeredIds;
    private final BoundedCache<SubjectSchema, RegisteredSchema> lookups;
    private final BoundedCache<Integer, Schema> schemasById;

    public SchemaRegistryClient(SchemaRegistryClientConfig config) {
        this.config = config;
        this.transport = new RegistryTransport(config, mapper);
        this.registeredIds = new BoundedCache<>(config.cacheCapacity());
        this.lookups = new BoundedCache<>(config.cacheCapacity());
        this.schemasById = new BoundedCache<>(config.cacheCapacity());
    }

    /** A client for the properties documented on {@link SchemaRegistryClientConfig}. */
    public static SchemaRegistryClient fromConfig(Map<String, ?> properties) {
        return new SchemaRegistryClient(SchemaRegistryClientConfig.fromMap(properties));
    }

    public SchemaRegistryClientConfig config() {
        return config;
    }

    /** Registers {@code schema} under {@code subject} (a no-op if already there) and returns its global id. */
    public int register(String subject, Schema schema) {
        return registeredIds.get(new SubjectSchema(subject, schema), key -> {
            int id = transport.call("POST", subjectPath(subject) + "/versions", schemaRequest(schema)).path("id").asInt();
            schemasById.put(id, schema);
            return id;
        });
    }

    /** The version of {@code subject} holding {@code schema}; error code 40403 if there is none. */
    public RegisteredSchema lookup(String subject, Schema schema) {
        return lookups.get(new SubjectSchema(subject, schema),
                key -> registeredSchema(transport.call("POST", subjectPath(subject), schemaRequest(schema))));
    }

    /** The schema with global id {@code id}; error code 40403 if unknown. */
    public Schema schemaById(int id) {
        return schemasById.get(id, key -> {
            JsonNode answer = transport.call("GET", "/schemas/ids/" + id, null);
            String type = answer.path("schemaType").asText("AVRO");
            if (!"AVRO".equals(type)) {
                throw new IllegalArgumentException("Schema id " + id + " is a " + type + " schema; only AVRO is supported");
            }
            return parse(answer.path("schema").asText(), "schema id " + id);
        });
    }

    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        transport.call("GET", "/subjects", null).forEach(subject -> subjects.add(subject.asText()));
        return subjects;
    }

    public List<Integer> versions(String subject) {
        return integers(transport.call("GET", subjectPath(subject) + "/versions", null));
    }

    public RegisteredSchema version(String subject, int version) {
        return registeredSchema(transport.call("GET", subjectPath(subject) + "/versions/" + version, null));
    }

    public RegisteredSchema latestVersion(String subject) {
        return registeredSchema(transport.call("GET", subjectPath(subject) + "/versions/latest", null));
    }

    /** Deletes every version of {@code subject} (permanently only after a soft delete); returns the versions. */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        List<Integer> deleted = integers(transport.call("DELETE", subjectPath(subject) + permanent(permanent), null));
        forgetSubject(subject);
        return deleted;
    }

    /** Deletes one version (permanently only after a soft delete); returns its number. */
    public int deleteVersion(String subject, int version, boolean permanent) {
        int deleted = transport.call("DELETE", subjectPath(subject) + "/versions/" + version + permanent(permanent), null)
                .asInt();
        forgetSubject(subject);
        return deleted;
    }

    /** Whether {@code schema} could be registered next to version {@code version}, with the reasons if not. */
    public CompatibilityResult testCompatibility(String subject, int version, Schema schema) {
        return compatibility(subject, Integer.toString(version), schema);
    }

    /** Whether {@code schema} could be registered after the latest version, with the reasons if not. */
    public CompatibilityResult testCompatibilityWithLatest(String subject, Schema schema) {
        return compatibility(subject, "latest", schema);
    }

    public CompatibilityLevel globalCompatibility() {
        return level(transport.call("GET", "/config", null).path("compatibilityLevel"));
    }

    public CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level) {
        return level(transport.call("PUT", "/config", levelRequest(level)).path("compatibility"));
    }

    /** The subject's own level, empty when it follows the global one. */
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        try {
            return Optional.of(level(transport.call("GET", "/config/" + encode(subject), null).path("compatibilityLevel")));
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SUBJECT_COMPATIBILITY_NOT_CONFIGURED) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public CompatibilityLevel setSubjectCompatibility(String subject, CompatibilityLevel level) {
        return level(transport.call("PUT", "/config/" + encode(subject), levelRequest(level)).path("compatibility"));
    }

    /** Makes the subject follow the global level again; returns the level it had. */
    public CompatibilityLevel deleteSubjectCompatibility(String subject) {
        return level(transport.call("DELETE", "/config/" + encode(subject), null).path("compatibilityLevel"));
    }

    private CompatibilityResult compatibility(String subject, String version, Schema schema) {
        JsonNode answer = transport.call("POST",
                "/compatibility" + subjectPath(subject) + "/versions/" + version + "?verbose=true", schemaRequest(schema));
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(message -> messages.add(message.asText()));
        return new CompatibilityResult(answer.path("is_compatible").asBoolean(), messages);
    }

    private void forgetSubject(String subject) {
        registeredIds.removeIf(key -> key.subject().equals(subject));
        lookups.removeIf(key -> key.subject().equals(subject));
    }

    private ObjectNode schemaRequest(Schema schema) {
        return mapper.createObjectNode().put("schema", schema.toString());
    }

    private ObjectNode levelRequest(CompatibilityLevel level) {
        return mapper.createObjectNode().put("compatibility", level.name());
    }

    private CompatibilityLevel level(JsonNode name) {
        return CompatibilityLevel.parse(name.asText())
                .orElseThrow(() -> new IllegalStateException("Registry " + config.urls() + " sent unknown compatibility level " + name));
    }

    private RegisteredSchema registeredSchema(JsonNode answer) {
        return new RegisteredSchema(answer.path("subject").asText(), answer.path("id").asInt(),
                answer.path("version").asInt(), answer.path("schema").asText());
    }

    private static List<Integer> integers(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
    }

    private Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new IllegalStateException("Registry " + config.urls() + " sent an unparsable Avro schema for " + what
                    + ": " + e.getMessage(), e);
        }
    }

    private static String permanent(boolean permanent) {
        return permanent ? "?permanent=true" : "";
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + encode(subject);
    }

    /** Percent-encodes a path segment: subject names may hold any character, slashes and spaces included. */
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Cache key: schemas are compared structurally by Avro's {@link Schema#equals}. */
    private record SubjectSchema(String subject, Schema schema) {
    }
}
