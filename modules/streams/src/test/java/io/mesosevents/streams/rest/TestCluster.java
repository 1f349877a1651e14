package io.mesosevents.streams.rest;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.model.Topic;
import io.mesosevents.registry.serde.AvroSerdes;
import io.mesosevents.streams.StreamsAppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics, records and instance settings for tests against the embedded broker and registry. */
final class TestCluster {

    static final int PARTITIONS = 6;

    private TestCluster() {
    }

    /** Every topic of the contract under {@code prefix}, with {@value #PARTITIONS} partitions. */
    static void createTopics(DevStack stack, String prefix) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            List<NewTopic> topics = Arrays.stream(Topic.values())
                    .map(topic -> new NewTopic(topic.name(prefix), Optional.of(PARTITIONS), Optional.empty())
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().configValue())))
                    .toList();
            admin.createTopics(topics).all().get();
        }
    }

    /** Writes {@code records} (key → value) to {@code topic} as Avro in the registry's wire format. */
    static <V extends SpecificRecord> void produce(DevStack stack, String topic, Class<V> type, Map<String, V> records)
            throws InterruptedException, ExecutionException {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, new StringSerializer(),
                AvroSerdes.specific(type, stack.clientProperties(), false).serializer())) {
            for (Map.Entry<String, V> record : records.entrySet()) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())).get();
            }
        }
    }

    /** Settings of one instance: fast commits and rebalances, its own state directory and HTTP port. */
    static StreamsAppConfig instance(DevStack stack, String applicationId, String prefix, Path stateDir, int port) {
        return StreamsAppConfig.defaults().withApplicationId(applicationId).withBootstrapServers(stack.bootstrapServers())
                .withSchemaRegistryUrl(stack.schemaRegistryUrl()).withTopicPrefix(prefix).withStateDir(stateDir)
                .withApplicationServer("127.0.0.1:" + port).withStandbyReplicas(1)
                .withKafkaProperties(Map.of("commit.interval.ms", "100",
                        "consumer.session.timeout.ms", "6000",
                        "consumer.heartbeat.interval.ms", "500"));
    }

    static RestConfig rest(int port) {
        return RestConfig.defaults().withHost("127.0.0.1").withPort(port).withRetryAfter(Duration.ofSeconds(1));
    }

    /** A port free now on the loopback address. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
