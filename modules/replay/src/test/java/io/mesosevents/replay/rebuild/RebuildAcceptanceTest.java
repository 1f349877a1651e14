package io.mesosevents.replay.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.mesos.TaskStatusSource;
import io.mesosevents.model.state.TaskView;
import io.mesosevents.registry.serde.AvroSerdes;
import io.mesosevents.replay.progress.Progress;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.app.DeadLetterTopic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay rebuild} on the embedded broker: a known history of Mesos agent and task events, written
 * with the project's serializer, is rebuilt by a new views application, whose published task table must
 * then hold every task in its last state. A rebuild that stopped before it caught up leaves rows missing
 * or stale, so the rows are the check that the catch-up measure waits long enough.
 */
@ExtendWith(DevStackExtension.class)
class RebuildAcceptanceTest {

    private static final String PREFIX = "rebuild-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private static final String CLUSTER = "eu1";
    private static final String FRAMEWORK = "fw-1";
    private static final int AGENTS = 5;
    private static final int TASKS = 1_500;
    /** Inside the default finished retention of an hour, so finished tasks are still rows. */
    private static final Instant T0 = Instant.now().minus(Duration.ofMinutes(20));

    private static final Map<String, TaskState> EXPECTED = new HashMap<>();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static DevStack stack;
    private static long written;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void writeHistory(DevStack devStack) throws Exception {
        AvroClassTrust.install();
        stack = devStack;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(PREFIX, Optional.of(3), Optional.empty());
            DeadLetterTopic.ensure(admin, config("unused", Path.of("unused")).deadLetterTopic());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                "linger.ms", 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int a = 0; a < AGENTS; a++) {
                send(producer, Topic.MESOS_AGENT_EVENTS, CLUSTER + "/agent-" + a, agentAdded(a), MesosAgentEvent.class);
            }
            // Every task is added, then runs; every third then fails and every seventh is killed: four phases of history.
            for (int t = 0; t < TASKS; t++) {
                String id = "task-" + t;
                send(producer, Topic.MESOS_TASK_EVENTS, CLUSTER + "/" + id, taskAdded(id, t % AGENTS), MesosTaskEvent.class);
                EXPECTED.put(CLUSTER + "/" + id, TaskState.TASK_STAGING);
            }
            for (int t = 0; t < TASKS; t++) {
                update(producer, t, TaskState.TASK_RUNNING);
            }
            for (int t = 0; t < TASKS; t++) {
                if (t % 3 == 0) {
                    update(producer, t, TaskState.TASK_FAILED);
                } else if (t % 7 == 0) {
                    update(producer, t, TaskState.TASK_KILLED);
                }
            }
            producer.flush();
        }
    }

    @Test
    void rebuildsEveryTaskInItsLastState() throws Exception {
        StreamsAppConfig config = config("rebuild-" + UUID.randomUUID(), stateDir);
        RebuildResult result;
        try (Rebuild rebuild = Rebuild.prepare(config, "views-" + UUID.randomUUID())) {
            assertThat(rebuild.total()).isEqualTo(written);
            result = rebuild.run(Progress.none());
        }

        assertThat(result.records()).isEqualTo(written);
        assertThat(result.eventsPerSecond()).isPositive();
        assertThat(publishedTaskStates()).isEqualTo(EXPECTED);
    }

    @Test
    void refusesWhileTheOldApplicationRuns() throws Exception {
        String oldApplication = "views-live-" + UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> member = new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, oldApplication), new StringDeserializer(), new ByteArrayDeserializer())) {
            member.subscribe(List.of(Topic.MESOS_TASK_EVENTS.name(PREFIX)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (member.assignment().isEmpty() && System.nanoTime() < deadline) {
                member.poll(Duration.ofMillis(200));
            }
            assertThat(member.assignment()).isNotEmpty();

            assertThatThrownBy(() -> Rebuild.prepare(config("rebuild-" + UUID.randomUUID(), stateDir), oldApplication))
                    .isInstanceOf(RebuildException.class)
                    .hasMessageContaining("'" + oldApplication + "'")
                    .hasMessageContaining("1 active member");
        }
    }

    @Test
    void refusesToRebuildUnderTheOldId() {
        assertThatThrownBy(() -> Rebuild.prepare(config("views-same", stateDir), "views-same"))
                .isInstanceOf(RebuildException.class).hasMessageContaining("must differ");
    }

    /** The task table as a plain consumer of {@code state.tasks} sees it: the last value of every key, tombstones removing it. */
    private static Map<String, TaskState> publishedTaskStates() {
        Deserializer<TaskView> values = AvroSerdes.specific(TaskView.class, stack.clientProperties(), false).deserializer();
        Map<String, TaskState> rows = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            String topic = Topic.STATE_TASKS.name(PREFIX);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        rows.remove(record.key());
                    } else {
                        rows.put(record.key(), values.deserialize(topic, record.value()).getState());
                    }
                }
            }
        }
        return rows;
    }

    private static StreamsAppConfig config(String applicationId, Path stateDir) {
        return new StreamsAppConfig(applicationId, stack.bootstrapServers(), stack.schemaRegistryUrl(), PREFIX, stateDir)
                .withStandbyReplicas(0);
    }

    private static void update(KafkaProducer<String, byte[]> producer, int task, TaskState state) {
        String id = "task-" + task;
        send(producer, Topic.MESOS_TASK_EVENTS, CLUSTER + "/" + id, taskUpdated(id, task % AGENTS, state), MesosTaskEvent.class);
        EXPECTED.put(CLUSTER + "/" + id, state);
    }

    private static <T extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, Topic topic, String key, T event,
                                                        Class<T> type) {
        String name = topic.name(PREFIX);
        byte[] value = AvroSerdes.specific(type, stack.clientProperties(), false).serializer().serialize(name, event);
        producer.send(new ProducerRecord<>(name, null, now().toEpochMilli(), key, value));
        written++;
    }

    private static MesosAgentEvent agentAdded(int agent) {
        return MesosAgentEvent.newBuilder().setMeta(meta()).setEventType(MesosEventType.AGENT_ADDED).setAgentId("agent-" + agent)
                .setHostname("agent-" + agent + ".eu1.internal").setPort(5051).setActive(true).build();
    }

    private static MesosTaskEvent taskAdded(String id, int agent) {
        return MesosTaskEvent.newBuilder().setMeta(meta()).setEventType(MesosEventType.TASK_ADDED).setTaskId(id)
                .setFrameworkId(FRAMEWORK).setAgentId("agent-" + agent).setName("web").setState(TaskState.TASK_STAGING).build();
    }

    private static MesosTaskEvent taskUpdated(String id, int agent, TaskState state) {
        TaskStatus status = TaskStatus.newBuilder().setState(state).setSource(TaskStatusSource.SOURCE_EXECUTOR)
                .setTimestamp(now()).setAgentId("agent-" + agent).build();
        return MesosTaskEvent.newBuilder().setMeta(meta()).setEventType(MesosEventType.TASK_UPDATED).setTaskId(id)
                .setFrameworkId(FRAMEWORK).setState(state).setStatus(status).build();
    }

    /** One ingest session whose events are a millisecond apart, in the order written. */
    private static EventMeta meta() {
        long sequence = SEQUENCE.incrementAndGet();
        return EventMeta.newBuilder().setCluster(CLUSTER).setSource("http://master:5050").setSessionId("session-1")
                .setSequence(sequence).setSourceTimestamp(T0.plusMillis(sequence)).setIngestTimestamp(T0.plusMillis(sequence))
                .setKind(EventKind.DELTA).build();
    }

    private static Instant now() {
        return T0.plusMillis(SEQUENCE.get());
    }
}
