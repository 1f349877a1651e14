package io.mesosevents.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaBrokerTest {

    @Test
    void restartOverTheSameDataDirectoryKeepsTopicsAndRecords(@TempDir Path dataDir) throws Exception {
        KafkaBrokerConfig config = KafkaBrokerConfig.ephemeral().withDataDir(dataDir);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
            }
            produce(broker.bootstrapServers(), "kept", List.of("a", "b", "c"));
        }

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(config)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, restarted.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains("kept");
            }
            assertThat(consumeValues(restarted.bootstrapServers(), "kept", 3)).containsExactlyInAnyOrder("a", "b", "c");
        }
    }

    @Test
    void aTakenPortFailsWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(KafkaBrokerConfig.DEFAULT_HOST))) {
            KafkaBrokerConfig config = KafkaBrokerConfig.ephemeral().withPort(taken.getLocalPort());
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(config))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Kafka port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    static void produce(String bootstrapServers, String topic, List<String> values) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get();
            }
        }
    }

    static List<String> consumeValues(String bootstrapServers, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
