package io.mesosevents.devstack;

import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.dlq.DeadLetter;
import io.mesosevents.model.dlq.SourceType;
import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.registry.serde.AvroSerdes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(DevStackExtension.class)
class DevStackTest {

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void avroRecordsTravelThroughTheRealBrokerAndRegistry(DevStack stack) throws Exception {
        String topic = "devstack-test.dlq";
        List<DeadLetter> sent = List.of(deadLetter("a", 0), deadLetter("b", 1), deadLetter("c", 2));

        produce(stack, topic, sent);

        assertThat(consume(stack, topic, sent.size())).containsExactlyElementsOf(sent);
        SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(stack.clientProperties());
        assertThat(registry.subjects()).contains(topic + "-value");
        assertThat(new Schema.Parser().parse(registry.latestVersion(topic + "-value").schema())).isEqualTo(DeadLetter.getClassSchema());
    }

    @Test
    void restartWithTheSameDataDirectoryKeepsRecordsAndSchemaIds(@TempDir Path dataDir) throws Exception {
        String topic = "kept.dlq";
        DeadLetter record = deadLetter("kept", 7);
        int schemaId;
        try (DevStack stack = DevStack.start(DevStackConfig.ephemeral().withDataDir(dataDir))) {
            produce(stack, topic, List.of(record));
            schemaId = SchemaRegistryClient.fromConfig(stack.clientProperties()).latestVersion(topic + "-value").id();
        }

        try (DevStack restarted = DevStack.start(DevStackConfig.ephemeral().withDataDir(dataDir))) {
            SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(restarted.clientProperties());
            assertThat(registry.latestVersion(topic + "-value").id()).isEqualTo(schemaId);
            assertThat(registry.schemaById(schemaId)).isEqualTo(DeadLetter.getClassSchema());
            assertThat(consume(restarted, topic, 1)).containsExactly(record);
            // A schema registered after the restart gets a fresh id, never a reused one.
            int nextId = registry.register("after-restart-value", SchemaBuilder.record("AfterRestart")
                    .fields().requiredString("x").endRecord());
            assertThat(nextId).isGreaterThan(schemaId);
        }
    }

    @Test
    void aTakenRegistryPortFailsBeforeTheBrokerStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(KafkaBrokerConfig.DEFAULT_HOST))) {
            DevStackConfig config = new DevStackConfig(KafkaBrokerConfig.DEFAULT_HOST, 0, taken.getLocalPort(), Optional.empty());
            assertThatThrownBy(() -> DevStack.start(config))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageStartingWith("Schema registry port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        }
    }

    private static DeadLetter deadLetter(String error, long offset) {
        return DeadLetter.newBuilder()
                .setCluster("test")
                .setSource("http://master.test:5050")
                .setSessionId("session-1")
                .setOffsetInStream(offset)
                .setIngestTimestamp(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setSourceType(SourceType.MESOS)
                .setStage("recordio")
                .setError(error)
                .setPayload(ByteBuffer.wrap(("raw-" + error).getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private static void produce(DevStack stack, String topic, List<DeadLetter> records) throws Exception {
        Map<String, Object> config = new HashMap<>(stack.clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (Serde<DeadLetter> serde = AvroSerdes.specific(DeadLetter.class, stack.clientProperties(), false);
             KafkaProducer<String, DeadLetter> producer = new KafkaProducer<>(config, new StringSerializer(), serde.serializer())) {
            for (DeadLetter record : records) {
                producer.send(new ProducerRecord<>(topic, record.getSource(), record)).get();
            }
        }
    }

    private static List<DeadLetter> consume(DevStack stack, String topic, int expected) {
        Map<String, Object> config = new HashMap<>(stack.clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "devstack-test-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> received = new ArrayList<>();
        try (Serde<DeadLetter> serde = AvroSerdes.specific(DeadLetter.class, stack.clientProperties(), false);
             KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
            }
        }
        return received;
    }
}
