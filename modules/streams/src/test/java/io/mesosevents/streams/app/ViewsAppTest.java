package io.mesosevents.streams.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.ViewStores;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One instance on the embedded broker: readiness, metrics, a failing record dead-lettered, a clean close. */
@ExtendWith(DevStackExtension.class)
class ViewsAppTest {

    @Test
    void theStoresOfATopologyAreFoundWithTheirSubtopology() {
        ServedStores stores = ServedStores.of(topology("in", new AtomicBoolean()).describe());

        assertThat(stores.all()).containsExactly(ViewStores.TASKS);
        assertThat(stores.serves(ViewStores.APPS)).isFalse();
        assertThat(stores.subtopology(ViewStores.TASKS)).hasValue(0);
        assertThat(stores.subtopology(ViewStores.APPS)).isEmpty();
    }

    @Test
    void aRecordThatFailsIsDeadLetteredAndTheRestIsServed(DevStack stack, @TempDir Path stateDir) throws Exception {
        String topic = "views-app-test.in";
        StreamsAppConfig config = StreamsAppConfig.defaults().withApplicationId("views-app-test-" + UUID.randomUUID())
                .withBootstrapServers(stack.bootstrapServers()).withSchemaRegistryUrl(stack.schemaRegistryUrl())
                .withTopicPrefix("views-app-test.").withStateDir(stateDir).withApplicationServer("127.0.0.1:18080")
                .withKafkaProperties(Map.of("commit.interval.ms", "100"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.empty()))).all().get();
            DeadLetterTopic.ensure(admin, config.deadLetterTopic());
        }
        AtomicBoolean poisonArmed = new AtomicBoolean(true);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        try (ViewsApp app = ViewsApp.create(config, topology(topic, poisonArmed), registry)) {
            assertThat(app.readiness().ready()).isFalse();
            assertThat(app.readiness().state()).isEqualTo("CREATED");
            app.start();
            List<String> keys = List.of("eu1/a", "eu1/b", "eu1/c", "us1/d");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                for (String key : keys) {
                    producer.send(new ProducerRecord<>(topic, key, "row of " + key)).get();
                }
            }

            waitUntil(Duration.ofSeconds(40), () -> app.readiness().ready() && rows(app).size() == 3
                    && readAll(stack, config.deadLetterTopic()).size() == 1);
            List<ConsumerRecord<String, String>> deadLetters = readAll(stack, config.deadLetterTopic());

            assertThat(poisonArmed).as("one record failed").isFalse();
            ConsumerRecord<String, String> deadLetter = deadLetters.get(0);
            assertThat(keys).contains(deadLetter.key());
            assertThat(deadLetter.value()).isEqualTo("row of " + deadLetter.key());
            assertThat(new String(deadLetter.headers().lastHeader("__streams.errors.message").value(),
                    StandardCharsets.UTF_8)).contains("poison record");
            assertThat(rows(app)).doesNotContainKey(deadLetter.key()).hasSize(3);
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(app.localAssignment().active(ViewStores.TASKS)).containsExactly(0, 1, 2);
            assertThat(app.localAssignment().standby(ViewStores.TASKS)).isEmpty();
            assertThat(app.lags().lags(ViewStores.TASKS)).containsOnlyKeys(0, 1, 2);
            assertThat(registry.scrape()).contains("kafka_stream_");
        }
    }

    /** Everything in {@code topic} now. */
    private static List<ConsumerRecord<String, String>> readAll(DevStack stack, String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                stack.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** {@code in} → a step that throws once while {@code poison} is armed → the store "tasks". */
    private static Topology topology(String topic, AtomicBoolean poison) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> {
                    if (poison.compareAndSet(true, false)) {
                        throw new IllegalStateException("poison record");
                    }
                    return value;
                })
                .toTable(Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(ViewStores.TASKS.storeName())
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()));
        return builder.build();
    }

    private static Map<String, String> rows(ViewsApp app) {
        Map<String, String> rows = new HashMap<>();
        try {
            app.streams().query(StateQueryRequest.inStore(ViewStores.TASKS.storeName())
                    .withQuery(RangeQuery.<String, String>withNoBounds())).getPartitionResults().values().forEach(result -> {
                        if (result.isSuccess()) {
                            try (KeyValueIterator<String, String> iterator = result.getResult()) {
                                iterator.forEachRemaining((KeyValue<String, String> row) -> rows.put(row.key, row.value));
                            }
                        }
                    });
        } catch (RuntimeException e) {
            return Map.of();
        }
        return rows;
    }

    private static void waitUntil(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(200);
        }
    }
}
