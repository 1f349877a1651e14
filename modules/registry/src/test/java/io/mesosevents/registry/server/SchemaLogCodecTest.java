package io.mesosevents.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.registry.CompatibilityLevel;
import io.mesosevents.registry.server.SchemaLogRecord.Compatibility;
import io.mesosevents.registry.server.SchemaLogRecord.CompatibilityRemoved;
import io.mesosevents.registry.server.SchemaLogRecord.IdWatermark;
import io.mesosevents.registry.server.SchemaLogRecord.SchemaVersion;
import io.mesosevents.registry.server.SchemaLogRecord.SchemaVersionRemoved;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Kafka log's records in the layout of Confluent's _schemas topic. */
class SchemaLogCodecTest {

    private final SchemaLogCodec codec = new SchemaLogCodec();

    @Test
    void writesConfluentKeysAndValues() {
        SchemaVersion version = new SchemaVersion("orders-value", 3, 7, "\"string\"", false);
        assertThat(text(codec.key(version)))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":3,\"magic\":1}");
        assertThat(text(codec.value(version)))
                .isEqualTo("{\"subject\":\"orders-value\",\"version\":3,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");

        Compatibility global = new Compatibility(Optional.empty(), CompatibilityLevel.FULL);
        assertThat(text(codec.key(global))).isEqualTo("{\"keytype\":\"CONFIG\",\"magic\":0}");
        assertThat(text(codec.value(global))).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(text(codec.key(new Compatibility(Optional.of("s"), CompatibilityLevel.NONE))))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}");
    }

    @Test
    void writesTheIdWatermarkUnderAKeyTypeOfItsOwn() {
        IdWatermark watermark = new IdWatermark(42);
        assertThat(text(codec.key(watermark))).isEqualTo("{\"keytype\":\"ID_WATERMARK\",\"magic\":0}");
        assertThat(text(codec.value(watermark))).isEqualTo("{\"highestId\":42}");
        assertThat(codec.key(new IdWatermark(43))).as("one key, so compaction keeps the latest").isEqualTo(codec.key(watermark));
    }

    @Test
    void removalsAreTombstonesUnderTheSameKey() {
        SchemaVersion version = new SchemaVersion("s", 1, 1, "\"int\"", true);
        SchemaVersionRemoved removed = new SchemaVersionRemoved("s", 1);
        assertThat(codec.key(removed)).isEqualTo(codec.key(version));
        assertThat(codec.value(removed)).isNull();
        CompatibilityRemoved configRemoved = new CompatibilityRemoved("s");
        assertThat(codec.key(configRemoved)).isEqualTo(codec.key(new Compatibility(Optional.of("s"), CompatibilityLevel.FULL)));
        assertThat(codec.value(configRemoved)).isNull();
    }

    @Test
    void decodesWhatItWrites() {
        List<SchemaLogRecord> records = List.of(
                new SchemaVersion("s", 2, 5, "\"long\"", true),
                new SchemaVersionRemoved("s", 2),
                new Compatibility(Optional.empty(), CompatibilityLevel.BACKWARD_TRANSITIVE),
                new Compatibility(Optional.of("s"), CompatibilityLevel.FORWARD),
                new CompatibilityRemoved("s"),
                new IdWatermark(9));
        for (SchemaLogRecord record : records) {
            assertThat(codec.decode(codec.key(record), codec.value(record))).contains(record);
        }
    }

    @Test
    void skipsWhatTheRegistryDoesNotModel() {
        assertThat(codec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null)).isEmpty();
        assertThat(codec.decode(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}"),
                bytes("{\"subject\":\"s\",\"version\":1,\"id\":1,\"schemaType\":\"PROTOBUF\",\"schema\":\"x\"}"))).isEmpty();
    }

    @Test
    void corruptKeysAreReported() {
        assertThatThrownBy(() -> codec.decode(bytes("not json"), null))
                .isInstanceOf(SchemaLogException.class).hasMessageContaining("key is not JSON");
        // Skipping it could hand out an id again, so a watermark that cannot be read stops the replay.
        assertThatThrownBy(() -> codec.decode(bytes("{\"keytype\":\"ID_WATERMARK\",\"magic\":0}"), bytes("{\"highestId\":\"x\"}")))
                .isInstanceOf(SchemaLogException.class).hasMessageContaining("highestId");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
