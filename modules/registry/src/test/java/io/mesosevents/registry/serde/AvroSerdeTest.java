package io.mesosevents.registry.serde;

import static io.mesosevents.registry.testing.Schemas.userV1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.registry.client.SchemaRegistryClientConfig;
import io.mesosevents.registry.server.InMemorySchemaLog;
import io.mesosevents.registry.server.SchemaRegistryServer;
import io.mesosevents.registry.server.SchemaRegistryServerConfig;
import io.mesosevents.registry.test.Role;
import io.mesosevents.registry.test.User;
import io.mesosevents.registry.test.nested.Address;
import io.mesosevents.registry.testing.StubHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Serdes against the embedded registry over real HTTP. */
class AvroSerdeTest {

    private static final String TOPIC = "users";
    private static final User ADA = User.newBuilder().setName("Ada").setAge(36).setTeam("engines").setRole(Role.ADMIN)
            .setAddress(Address.newBuilder().setCity("London").build()).build();

    private SchemaRegistryServer server;
    private Map<String, Object> config;

    @BeforeEach
    void start() {
        server = new SchemaRegistryServer(SchemaRegistryServerConfig.of(new InMemorySchemaLog())).start();
        config = new HashMap<>(Map.of(SchemaRegistryClientConfig.URL, server.url()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, Object> config(String key, Object value) {
        Map<String, Object> copy = new HashMap<>(config);
        copy.put(key, value);
        return copy;
    }

    private static GenericRecord v1User(String name, int age) {
        GenericRecord record = new GenericData.Record(userV1());
        record.put("name", name);
        record.put("age", age);
        return record;
    }

    private static byte[] avroBinary(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Nested
    class RoundTrips {

        @Test
        void specificRecords() {
            Serde<User> serde = AvroSerdes.specific(User.class, config, false);
            byte[] bytes = serde.serializer().serialize(TOPIC, ADA);
            assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(ADA);
        }

        @Test
        void genericRecords() {
            Serde<GenericRecord> serde = AvroSerdes.generic(config, false);
            GenericRecord grace = v1User("Grace", 45);
            GenericRecord read = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, grace));
            assertThat(read).isEqualTo(grace);
            assertThat(read.getSchema()).isEqualTo(userV1());
        }

        @Test
        void nullIsATombstoneBothWays() {
            Serde<User> serde = AvroSerdes.specific(User.class, config, false);
            assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
            assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
        }

        @Test
        void kafkaCreatedSerdesConfigureThemselves() {
            Serializer<User> serializer = new AvroSerializer<>();
            serializer.configure(config, false);
            Deserializer<Object> specificByName = new AvroDeserializer<>();
            specificByName.configure(config(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
            Deserializer<Object> generic = new AvroDeserializer<>();
            generic.configure(config, false);

            byte[] bytes = serializer.serialize(TOPIC, ADA);
            assertThat(specificByName.deserialize(TOPIC, bytes)).isEqualTo(ADA);
            assertThat(generic.deserialize(TOPIC, bytes)).isInstanceOf(GenericData.Record.class)
                    .hasToString(ADA.toString());
        }

        @Test
        void keysAndValuesUseTheirTopicSubjects() {
            AvroSerdes.specific(User.class, config, true).serializer().serialize(TOPIC, ADA);
            AvroSerdes.specific(User.class, config, false).serializer().serialize(TOPIC, ADA);
            assertThat(SchemaRegistryClient.fromConfig(config).subjects()).containsExactly("users-key", "users-value");
        }
    }

    @Nested
    class WireFormatBytes {

        @Test
        void magicByteBigEndianIdThenPlainAvroBinary() throws IOException {
            byte[] bytes = AvroSerdes.generic(config, false).serializer().serialize(TOPIC, v1User("Grace", 45));

            int id = SchemaRegistryClient.fromConfig(config).lookup("users-value", userV1()).id();
            assertThat(bytes[0]).isZero();
            assertThat(Arrays.copyOfRange(bytes, 1, 5)).isEqualTo(ByteBuffer.allocate(4).putInt(id).array());
            assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(v1User("Grace", 45)));
        }

        @Test
        void largeIdsAreBigEndian() {
            assertThat(WireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
            assertThat(WireFormat.schemaId("t", new byte[] {0, 1, 2, 3, 4})).isEqualTo(0x01020304);
        }
    }

    @Nested
    class Evolution {

        @Test
        void newSpecificReaderReadsOldData() {
            byte[] old = AvroSerdes.generic(config, false).serializer().serialize(TOPIC, v1User("Grace", 45));
            User read = AvroSerdes.specific(User.class, config, false).deserializer().deserialize(TOPIC, old);
            assertThat(read.getName()).isEqualTo("Grace");
            assertThat(read.getAge()).isEqualTo(45);
            assertThat(read.getTeam()).isEqualTo("unassigned");
            assertThat(read.getRole()).isEqualTo(Role.MEMBER);
            assertThat(read.getAddress()).isNull();
        }

        @Test
        void genericReaderSchemaReadsOldData() {
            SchemaRegistryClient client = SchemaRegistryClient.fromConfig(config);
            byte[] old = AvroSerdes.generic(config, false).serializer().serialize(TOPIC, v1User("Grace", 45));
            GenericRecord read = AvroSerdes.generic(Optional.of(User.getClassSchema()), client, config, false)
                    .deserializer().deserialize(TOPIC, old);
            assertThat(read.getSchema()).isEqualTo(User.getClassSchema());
            assertThat(read.get("team")).hasToString("unassigned");
        }

        @Test
        void oldGenericReaderReadsNewData() {
            SchemaRegistryClient client = SchemaRegistryClient.fromConfig(config);
            byte[] fresh = AvroSerdes.specific(User.class, config, false).serializer().serialize(TOPIC, ADA);
            GenericRecord read = AvroSerdes.generic(Optional.of(userV1()), client, config, false)
                    .deserializer().deserialize(TOPIC, fresh);
            assertThat(read).isEqualTo(v1User("Ada", 36));
        }
    }

    @Nested
    class Registration {

        @Test
        void withoutAutoRegistrationAnUnregisteredSchemaFailsClearly() {
            Serde<User> serde = AvroSerdes.specific(User.class, config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
            assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, ADA))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("io.mesosevents.registry.test.User")
                    .hasMessageContaining("'users-value'")
                    .hasMessageContaining(server.url())
                    .hasMessageContaining("error code 40401")
                    .hasMessageContaining("auto.register.schemas=false");
        }

        @Test
        void withoutAutoRegistrationARegisteredSchemaIsUsed() {
            int id = SchemaRegistryClient.fromConfig(config).register("users-value", User.getClassSchema());
            byte[] bytes = AvroSerdes.specific(User.class, config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false)
                    .serializer().serialize(TOPIC, ADA);
            assertThat(WireFormat.schemaId(TOPIC, bytes)).isEqualTo(id);
        }

        @Test
        void latestVersionIsUsedWhenAsked() {
            SchemaRegistryClient client = SchemaRegistryClient.fromConfig(config);
            client.register("users-value", userV1());
            int latest = client.register("users-value", User.getClassSchema());
            Map<String, Object> useLatest = config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
            useLatest.put(AvroSerdeConfig.USE_LATEST_VERSION, true);

            byte[] bytes = AvroSerdes.specific(User.class, useLatest, false).serializer().serialize(TOPIC, ADA);
            assertThat(WireFormat.schemaId(TOPIC, bytes)).isEqualTo(latest);
            assertThatThrownBy(() -> AvroSerdes.generic(useLatest, false).serializer().serialize(TOPIC, v1User("G", 1)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("use.latest.version");
        }

        @Test
        void anIncompatibleSchemaIsRefusedWithTheRegistrysReason() {
            AvroSerdes.generic(config, false).serializer().serialize(TOPIC, v1User("Grace", 45));
            Schema incompatible = new Schema.Parser().parse(userV1().toString().replace("\"int\"", "\"string\""));
            GenericRecord record = new GenericData.Record(incompatible);
            record.put("name", "x");
            record.put("age", "y");
            assertThatThrownBy(() -> AvroSerdes.generic(config, false).serializer().serialize(TOPIC, record))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("error code 409");
        }

        @Test
        void recordsThatDoNotFitTheirSchemaFailClearly() {
            GenericRecord nameless = new GenericData.Record(userV1());
            nameless.put("age", 3);
            assertThatThrownBy(() -> AvroSerdes.generic(config, false).serializer().serialize(TOPIC, nameless))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Cannot encode a io.mesosevents.registry.test.User record for topic 'users'");
        }
    }

    @Nested
    class Errors {

        private Deserializer<User> deserializer() {
            return AvroSerdes.specific(User.class, config, false).deserializer();
        }

        @Test
        void wrongMagicByte() {
            assertThatThrownBy(() -> deserializer().deserialize(TOPIC, new byte[] {5, 0, 0, 0, 1, 2}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("topic 'users'")
                    .hasMessageContaining("starts with byte 0x05, not the Confluent wire-format magic byte 0x00");
        }

        @Test
        void tooShortPayload() {
            assertThatThrownBy(() -> deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("topic 'users' has 3 byte(s), fewer than the 5-byte Confluent wire-format header");
        }

        @Test
        void unknownSchemaId() {
            assertThatThrownBy(() -> deserializer().deserialize(TOPIC, new byte[] {0, 0, 0, 0, 99, 2}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Schema id 99")
                    .hasMessageContaining(server.url())
                    .hasMessageContaining("error code 40403");
        }

        @Test
        void unreachableRegistry() throws IOException {
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            Deserializer<User> deserializer = AvroSerdes.specific(User.class, Map.of(
                    SchemaRegistryClientConfig.URL, "http://127.0.0.1:" + closed,
                    SchemaRegistryClientConfig.RETRIES, 0), false).deserializer();
            assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 0, 1, 2}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Cannot fetch schema id 1 for a record in topic 'users'")
                    .hasMessageContaining("unreachable");
        }

        @Test
        void undecodableAvroNamesWriterAndReaderSchemas() {
            byte[] bytes = AvroSerdes.generic(config, false).serializer().serialize(TOPIC, v1User("Grace", 45));
            byte[] truncated = Arrays.copyOf(bytes, 7);
            assertThatThrownBy(() -> deserializer().deserialize(TOPIC, truncated))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Cannot decode the Avro record in topic 'users' with schema id")
                    .hasMessageContaining("writer schema io.mesosevents.registry.test.User, reader schema io.mesosevents.registry.test.User");
        }
    }

    @Test
    void writerSchemasAreFetchedOncePerId() {
        byte[] first = AvroSerdes.specific(User.class, config, false).serializer().serialize(TOPIC, ADA);
        int id = WireFormat.schemaId(TOPIC, first);
        try (StubHttpServer proxy = StubHttpServer.start(StubHttpServer.forwardTo(server.url()))) {
            Deserializer<User> deserializer = AvroSerdes.specific(User.class,
                    Map.of(SchemaRegistryClientConfig.URL, proxy.url()), false).deserializer();
            for (int i = 0; i < 3; i++) {
                assertThat(deserializer.deserialize(TOPIC, first)).isEqualTo(ADA);
            }
            assertThat(proxy.count("GET", "/schemas/ids/" + id)).isEqualTo(1);
            assertThat(proxy.requests()).hasSize(1);
        }
    }
}
