package io.mesosevents.ingestor;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.ingestor.mesos.MesosEventMapper;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.mesosevents.ingestor.MesosFixtures.subscribed;
import static io.mesosevents.ingestor.MesosFixtures.task;
import static org.apache.mesos.v1.Protos.TaskState.TASK_FINISHED;
import static org.apache.mesos.v1.Protos.TaskState.TASK_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(DevStackExtension.class)
class KafkaRecordWriterTest {

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void writtenSnapshotsAndChangesAreWhatTheLoaderRebuilds(DevStack stack) throws Exception {
        String prefix = "writer-a.";
        Resync resync = new Resync(new MesosEventMapper("eu1"));
        EntityState written = new EntityState();
        SessionStamp stamp = new SessionStamp("eu1", "http://master:5050", "s1", Clock.systemUTC());
        try (KafkaRecordWriter writer = new KafkaRecordWriter(KafkaWriterConfig.of(stack.clientProperties(), prefix, "writer-a"), failure -> { })) {
            writer.submit(resync.plan(subscribed(List.of(task("t1", "fw", "a1", TASK_RUNNING), task("t2", "fw", "a1", TASK_RUNNING)),
                    List.of("a1"), List.of("fw")), stamp, written), true);
            List<Send> change = new MesosEventMapper("eu1").delta(MesosFixtures.taskUpdated("t2", "fw", TASK_FINISHED), new byte[0],
                    io.mesosevents.mesos.MesosEncoding.PROTOBUF, stamp).stream().map(Send::of).toList();
            change.forEach(s -> written.apply(s.record()));
            writer.submit(change, false);
        }

        EntityState loaded = new EntityStateLoader(stack.clientProperties(), prefix, Duration.ofSeconds(30)).load("eu1");

        for (Topic topic : EntityState.ENTITY_TOPICS) {
            assertThat(loaded.entities(topic)).containsExactlyElementsOf(written.entities(topic));
        }
        assertThat(new EntityStateLoader(stack.clientProperties(), prefix, Duration.ofSeconds(30)).load("other-cluster").size()).isZero();
    }

    @Test
    void afterARecoverableFailureNothingIsWrittenUntilTheNextFlush(DevStack stack) throws Exception {
        String prefix = "writer-c.";
        SessionStamp stamp = new SessionStamp("eu1", "http://master:5050", "s1", Clock.systemUTC());
        java.util.Map<String, Object> properties = new java.util.HashMap<>(stack.clientProperties());
        // A record larger than the producer may send fails its transaction without fencing the producer.
        properties.put("max.request.size", 4_096);
        CompletableFuture<WriteFailure> failure = new CompletableFuture<>();
        DeadLetters letters = new DeadLetters("eu1", "http://master:5050", io.mesosevents.model.dlq.SourceType.MESOS);
        try (KafkaRecordWriter writer = new KafkaRecordWriter(KafkaWriterConfig.of(properties, prefix, "writer-c"), failure::complete)) {
            writer.submit(List.of(Send.of(letter(letters, "too large", 10_000))), false);
            assertThat(failure.get(30, TimeUnit.SECONDS).fatal()).isFalse();

            writer.submit(List.of(Send.of(letter(letters, "late", 10))), false);
            assertThat(writer.flush()).as("the flush that ends the failed session").isFalse();
            writer.submit(List.of(Send.of(letter(letters, "next session", 10))), false);
            assertThat(writer.flush()).isTrue();
        }

        List<String> errors = new ArrayList<>();
        java.util.Map<String, Object> consumer = new java.util.HashMap<>(stack.clientProperties());
        consumer.put("isolation.level", "read_committed");
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, io.mesosevents.model.dlq.DeadLetter> reader =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(consumer, new org.apache.kafka.common.serialization.StringDeserializer(),
                             io.mesosevents.registry.serde.AvroSerdes.specific(io.mesosevents.model.dlq.DeadLetter.class, consumer, false).deserializer())) {
            String topic = Topic.INGEST_DLQ.name(prefix);
            List<org.apache.kafka.common.TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            java.util.Map<org.apache.kafka.common.TopicPartition, Long> end = reader.endOffsets(partitions);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(record -> errors.add(record.value().getError()));
            }
        }
        assertThat(errors).containsExactly("next session");
    }

    private static OutboundRecord letter(DeadLetters letters, String error, int size) {
        return letters.of("s1", 0L, java.time.Instant.now(), DeadLetters.Failure.of("test", error), new byte[size], null);
    }

    @Test
    void aSecondWriterWithTheSameTransactionalIdFencesTheFirst(DevStack stack) throws Exception {
        String prefix = "writer-b.";
        CompletableFuture<WriteFailure> firstFailure = new CompletableFuture<>();
        SessionStamp stamp = new SessionStamp("eu1", "http://master:5050", "s1", Clock.systemUTC());
        Resync resync = new Resync(new MesosEventMapper("eu1"));
        try (KafkaRecordWriter first = new KafkaRecordWriter(KafkaWriterConfig.of(stack.clientProperties(), prefix, "writer-b"), firstFailure::complete);
             KafkaRecordWriter second = new KafkaRecordWriter(KafkaWriterConfig.of(stack.clientProperties(), prefix, "writer-b"), failure -> { })) {
            first.submit(resync.plan(subscribed(List.of(), List.of("a1"), List.of()), stamp, new EntityState()), true);

            assertThat(firstFailure.get(30, TimeUnit.SECONDS).fatal()).isTrue();
            // A stopped writer takes nothing more and says so, instead of queueing records nobody writes.
            assertThat(first.flush()).isFalse();
            assertThatThrownBy(() -> first.submit(List.of(), false)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("The Kafka writer has stopped and writes no more");
        }
    }
}
