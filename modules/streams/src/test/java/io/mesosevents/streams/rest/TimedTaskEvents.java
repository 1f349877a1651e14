package io.mesosevents.streams.rest;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.Resource;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.mesos.TaskStatusSource;
import io.mesosevents.registry.serde.AvroSerdes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Mesos task and agent events as the ingestor writes them, each with the record time it was ingested at
 * (which the views stamp on their history), for tests that need changes at chosen past times. Every task
 * has an ingestor session of its own, so its events only have to be in order among themselves.
 */
final class TimedTaskEvents {

    static final String FRAMEWORK_ID = "7d2c1b0a-1111-4c1e-9b7a-2f1d3c4b5a60-0000";

    /** An event and the record time it is written with. */
    record Timed<V>(String key, V value, Instant at) {
    }

    private TimedTaskEvents() {
    }

    /** A Marathon-form task id of {@code app} (e.g. {@code prod_web} for {@code /prod/web}), unique per call. */
    static String taskId(String app) {
        return app + ".instance-" + UUID.randomUUID() + "._app.1";
    }

    static Timed<MesosTaskEvent> added(String cluster, String taskId, String agentId, int port, Instant at) {
        MesosTaskEvent event = MesosTaskEvent.newBuilder().setMeta(meta(cluster, taskId, 1, at))
                .setEventType(MesosEventType.TASK_ADDED).setTaskId(taskId).setFrameworkId(FRAMEWORK_ID).setAgentId(agentId)
                .setName("web").setState(TaskState.TASK_STAGING)
                .setResources(List.of(Resource.newBuilder().setName("ports")
                        .setRanges(List.of(Range.newBuilder().setBegin(port).setEnd(port).build())).build()))
                .build();
        return new Timed<>(cluster + "/" + taskId, event, at);
    }

    /** The {@code sequence}-th event of the task (added is the first): a new state. */
    static Timed<MesosTaskEvent> updated(String cluster, String taskId, TaskState state, long sequence, Instant at) {
        TaskStatus status = TaskStatus.newBuilder().setState(state).setSource(TaskStatusSource.SOURCE_EXECUTOR)
                .setMessage(state.name().toLowerCase()).setTimestamp(at).build();
        MesosTaskEvent event = MesosTaskEvent.newBuilder().setMeta(meta(cluster, taskId, sequence, at))
                .setEventType(MesosEventType.TASK_UPDATED).setTaskId(taskId).setFrameworkId(FRAMEWORK_ID).setState(state)
                .setStatus(status).build();
        return new Timed<>(cluster + "/" + taskId, event, at);
    }

    static Timed<MesosAgentEvent> agentAdded(String cluster, String agentId, String hostname, Instant at) {
        MesosAgentEvent event = MesosAgentEvent.newBuilder().setMeta(meta(cluster, agentId, 1, at))
                .setEventType(MesosEventType.AGENT_ADDED).setAgentId(agentId).setHostname(hostname).setPort(5051)
                .setActive(true).build();
        return new Timed<>(cluster + "/" + agentId, event, at);
    }

    /** Writes {@code events} one after the other, each with its record time, as Avro in the registry's wire format. */
    static <V extends SpecificRecord> void produce(DevStack stack, String topic, Class<V> type, List<Timed<V>> events)
            throws InterruptedException, ExecutionException {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, new StringSerializer(),
                AvroSerdes.specific(type, stack.clientProperties(), false).serializer())) {
            for (Timed<V> event : events) {
                producer.send(new ProducerRecord<>(topic, null, event.at().toEpochMilli(), event.key(), event.value())).get();
            }
        }
    }

    private static EventMeta meta(String cluster, String entity, long sequence, Instant at) {
        return EventMeta.newBuilder().setCluster(cluster).setSource("http://master-" + cluster + ":5050")
                .setSessionId("session-" + entity).setSequence(sequence).setSourceTimestamp(at).setIngestTimestamp(at)
                .setKind(EventKind.DELTA).build();
    }
}
