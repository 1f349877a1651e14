package io.mesosevents.replay.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Planning a time range into offsets and reading it back, on a real broker, with transactions as the ingestor writes them. */
@ExtendWith(DevStackExtension.class)
class ReadTest {

    private static final int RECORDS = 20;

    private String topic;
    private Map<String, Object> consumerConfig;
    /** The record time of each minute's record: partition 0 gets the even ones, partition 1 the odd ones. */
    private final List<Instant> times = new ArrayList<>();

    /**
     * Writes with the producer's clock, as the ingestor does: a commit marker's time (the broker's) then
     * follows its records' times, which Kafka's time index relies on.
     */
    @BeforeEach
    void writeHistory(DevStack stack) throws Exception {
        topic = "read-" + UUID.randomUUID();
        consumerConfig = Map.of("bootstrap.servers", stack.bootstrapServers());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic), new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            // One transaction per record: its commit marker takes an offset after it, as the ingestor's do.
            for (int minute = 0; minute < RECORDS; minute++) {
                producer.beginTransaction();
                RecordMetadata written = producer.send(new ProducerRecord<>(topic, minute % 2, "k" + minute, "v" + minute)).get();
                producer.commitTransaction();
                times.add(Instant.ofEpochMilli(written.timestamp()));
                if (minute == 5) {
                    producer.beginTransaction();
                    producer.send(new ProducerRecord<>(topic, 0, "aborted", "never happened"));
                    producer.abortTransaction();
                }
                Thread.sleep(5);
            }
        }
    }

    @Test
    void aRangeReadsExactlyTheCommittedRecordsOfItsMinutesInTimeOrder() {
        ReadPlan plan = new RangePlanner(consumerConfig).plan(List.of(topic), Optional.of(at(4)), at(11));

        assertThat(plan.ranges()).hasSize(2);
        try (TimeOrderedReader reader = new TimeOrderedReader(consumerConfig, plan)) {
            assertThat(values(reader)).containsExactly("v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11");
        }
        try (PartitionReader reader = new PartitionReader(consumerConfig, plan.ranges())) {
            List<String> values = values(reader);
            assertThat(values).containsExactlyInAnyOrder("v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11");
            assertThat(values.stream().filter(v -> Integer.parseInt(v.substring(1)) % 2 == 0))
                    .as("one partition's records in offset order").containsExactly("v4", "v6", "v8", "v10");
        }
    }

    @Test
    void withoutAStartTheRangeBeginsAtTheStartOfRetention() {
        ReadPlan plan = new RangePlanner(consumerConfig).plan(List.of(topic), Optional.empty(), at(2));

        try (TimeOrderedReader reader = new TimeOrderedReader(consumerConfig, plan)) {
            assertThat(values(reader)).containsExactly("v0", "v1", "v2");
        }
    }

    @Test
    void aRangeWithoutRecordsIsAnEmptyPlan() {
        ReadPlan plan = new RangePlanner(consumerConfig).plan(List.of(topic), Optional.of(at(RECORDS + 1)), at(RECORDS + 5));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.records()).isZero();
    }

    @Test
    void rangesThatCannotBeReplayedAreRefusedWithTheReason() throws Exception {
        RangePlanner planner = new RangePlanner(consumerConfig);
        Instant future = Instant.now().plusSeconds(3_600);

        assertThatThrownBy(() -> planner.plan(List.of(topic), Optional.empty(), future))
                .isInstanceOf(ReplayRangeException.class).hasMessageContaining("is in the future");
        assertThatThrownBy(() -> planner.plan(List.of(topic), Optional.of(at(5)), at(4)))
                .isInstanceOf(ReplayRangeException.class).hasMessageContaining("after its end");
        assertThatThrownBy(() -> planner.plan(List.of("no-such-topic"), Optional.empty(), at(4)))
                .isInstanceOf(ReplayRangeException.class).hasMessageContaining("does not exist");

        // Retention deleted partition 0's records of minutes 0 and 2.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", consumerConfig.get("bootstrap.servers")))) {
            admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(4))).all().get();
        }
        assertThatThrownBy(() -> planner.plan(List.of(topic), Optional.of(at(1)), at(6)))
                .isInstanceOf(ReplayRangeException.class)
                .hasMessageContaining("oldest record is from " + at(4))
                .hasMessageContaining("deleted by retention");
        assertThat(planner.plan(List.of(topic), Optional.of(at(4)), at(6)).isEmpty()).isFalse();
    }

    private Instant at(int minute) {
        return minute < RECORDS ? times.get(minute) : times.get(RECORDS - 1).plusMillis(minute - RECORDS + 1);
    }

    private static List<String> values(Iterator<RawRecord> reader) {
        List<String> values = new ArrayList<>();
        reader.forEachRemaining(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
        return values;
    }
}
