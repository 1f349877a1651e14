package io.mesosevents.ingestor;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.ingestor.mesos.MesosEventMapper;
import io.mesosevents.mesos.MesosEncoding;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.mesosevents.ingestor.MesosFixtures.subscribed;
import static io.mesosevents.ingestor.MesosFixtures.task;
import static org.apache.mesos.v1.Protos.TaskState.TASK_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DevStackExtension.class)
class EntityStateLoaderTest {

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void recordsCommittedAfterAnotherWritersOpenTransactionAreLoaded(DevStack stack) throws Exception {
        String prefix = "loader-lso.";
        String tasks = Topic.MESOS_TASK_EVENTS.name(prefix);
        Resync resync = new Resync(new MesosEventMapper("eu1"));
        SessionStamp stamp = new SessionStamp("eu1", "http://master:5050", "s1", Clock.systemUTC());
        EntityState written = new EntityState();
        try (KafkaRecordWriter writer = new KafkaRecordWriter(KafkaWriterConfig.of(stack.clientProperties(), prefix, "loader-lso"), failure -> { });
             KafkaProducer<String, String> other = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                     ProducerConfig.TRANSACTIONAL_ID_CONFIG, "another-cluster"), new StringSerializer(), new StringSerializer())) {
            writer.submit(resync.plan(subscribed(List.of(task("t1", "fw", "a1", TASK_RUNNING)), List.of("a1"), List.of("fw")), stamp, written), true);
            assertThat(writer.flush()).isTrue();

            // Another cluster's writer opens a transaction on the same partition and keeps it open a while.
            other.initTransactions();
            other.beginTransaction();
            other.send(new ProducerRecord<>(tasks, 0, "other/t9", "not avro, and not this cluster's")).get();

            List<Send> later = new MesosEventMapper("eu1").delta(MesosFixtures.taskUpdated("t2", "fw", TASK_RUNNING), new byte[0],
                    MesosEncoding.PROTOBUF, stamp).stream().map(Send::of).toList();
            later.forEach(send -> written.apply(send.record()));
            writer.submit(later, true);
            assertThat(writer.flush()).isTrue();

            CompletableFuture<Void> endSoon = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                other.abortTransaction();
            });
            EntityState loaded = new EntityStateLoader(stack.clientProperties(), prefix, Duration.ofSeconds(30)).load("eu1");
            endSoon.get(30, TimeUnit.SECONDS);

            assertThat(loaded.entities(Topic.MESOS_TASK_EVENTS)).containsExactlyElementsOf(written.entities(Topic.MESOS_TASK_EVENTS));
        }
    }
}
