package io.mesosevents.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mesosevents.registry.CompatibilityLevel;
import io.mesosevents.registry.server.SchemaLogRecord.Compatibility;
import io.mesosevents.registry.server.SchemaLogRecord.CompatibilityRemoved;
import io.mesosevents.registry.server.SchemaLogRecord.IdWatermark;
import io.mesosevents.registry.server.SchemaLogRecord.SchemaVersion;
import io.mesosevents.registry.server.SchemaLogRecord.SchemaVersionRemoved;
import java.io.IOException;
import java.util.Optional;

/**
 * The JSON keys and values of a Kafka-backed schema log, in the layout of Confluent's
 * {@code _schemas} topic: key {@code {"keytype":"SCHEMA","subject":…,"version":…,"magic":1}} with
 * value {@code {"subject","version","id","schema","deleted"}}, key
 * {@code {"keytype":"CONFIG","subject":…,"magic":0}} (no subject for the global level) with value
 * {@code {"compatibilityLevel":…}}, and a null value (tombstone) for a removal. Fields are written
 * in Confluent's order so that equal keys are equal bytes, which compaction relies on.
 *
 * <p>One key type is this registry's own, not Confluent's: {@code {"keytype":"ID_WATERMARK","magic":0}}
 * with value {@code {"highestId":…}}, the highest schema id assigned so far. It is written before
 * every permanent delete, because the delete's tombstones let compaction drop the only records that
 * name the deleted schemas' ids; compaction keeps the latest watermark, so those ids stay taken.
 * A Confluent registry cannot read a topic that holds it.
 *
 * <p>Confluent's {@code {"keytype":"NOOP","magic":0}} key with a null value marks a position in the
 * log and carries nothing (see {@link KafkaSchemaLog#replay}).
 */
final class SchemaLogCodec {

    private final ObjectMapper mapper = new ObjectMapper();

    byte[] key(SchemaLogRecord record) {
        SchemaLogRecord.Key key = record.key();
        ObjectNode json = mapper.createObjectNode().put("keytype", key.kind().name());
        key.subject().ifPresent(subject -> json.put("subject", subject));
        if (key.kind() == SchemaLogRecord.Key.Kind.SCHEMA) {
            json.put("version", key.version()).put("magic", 1);
        } else {
            json.put("magic", 0);
        }
        return write(json);
    }

    byte[] noopKey() {
        return write(mapper.createObjectNode().put("keytype", "NOOP").put("magic", 0));
    }

    /** The value bytes, or null for a tombstone. */
    byte[] value(SchemaLogRecord record) {
        if (record instanceof SchemaVersion version) {
            return write(mapper.createObjectNode()
                    .put("subject", version.subject())
                    .put("version", version.version())
                    .put("id", version.id())
                    .put("schema", version.schema())
                    .put("deleted", version.deleted()));
        }
        if (record instanceof Compatibility compatibility) {
            return write(mapper.createObjectNode().put("compatibilityLevel", compatibility.level().name()));
        }
        if (record instanceof IdWatermark watermark) {
            return write(mapper.createObjectNode().put("highestId", watermark.highestId()));
        }
        return null;
    }

    /**
     * The record stored under {@code key} and {@code value}; empty for entries this registry does
     * not model (other key types such as Confluent's NOOP or MODE, or non-Avro schemas).
     */
    Optional<SchemaLogRecord> decode(byte[] key, byte[] value) {
        JsonNode keyJson = read(key, "key");
        String subject = keyJson.path("subject").isTextual() ? keyJson.get("subject").asText() : null;
        switch (keyJson.path("keytype").asText()) {
            case "SCHEMA" -> {
                if (subject == null) {
                    throw new SchemaLogException("Schema log SCHEMA key without a subject");
                }
                int version = keyJson.path("version").asInt();
                if (value == null) {
                    return Optional.of(new SchemaVersionRemoved(subject, version));
                }
                JsonNode json = read(value, "value");
                if (!"AVRO".equals(json.path("schemaType").asText("AVRO"))) {
                    return Optional.empty();
                }
                return Optional.of(new SchemaVersion(subject, version, json.path("id").asInt(),
                        json.path("schema").asText(), json.path("deleted").asBoolean(false)));
            }
            case "CONFIG" -> {
                if (value == null) {
                    return subject == null ? Optional.empty() : Optional.of(new CompatibilityRemoved(subject));
                }
                String level = read(value, "value").path("compatibilityLevel").asText();
                return CompatibilityLevel.parse(level).map(parsed -> new Compatibility(Optional.ofNullable(subject), parsed));
            }
            case "ID_WATERMARK" -> {
                if (value == null) {
                    return Optional.empty();
                }
                JsonNode highestId = read(value, "value").path("highestId");
                if (!highestId.canConvertToInt()) {
                    throw new SchemaLogException("Schema log ID_WATERMARK value without an integer highestId");
                }
                return Optional.of(new IdWatermark(highestId.intValue()));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private byte[] write(ObjectNode json) {
        try {
            return mapper.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize a JSON tree", e);
        }
    }

    private JsonNode read(byte[] bytes, String what) {
        try {
            JsonNode json = mapper.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw new SchemaLogException("Schema log " + what + " is not a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new SchemaLogException("Schema log " + what + " is not JSON: " + e.getMessage(), e);
        }
    }
}
