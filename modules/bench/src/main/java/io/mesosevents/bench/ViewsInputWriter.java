package io.mesosevents.bench;

import io.mesosevents.model.Topic;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.registry.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes generated events to the input topics as the ingestor does: string keys, Avro values in the
 * registry's wire format (schemas registered on first use), {@code acks=all}, the record time being
 * the ingest time. Not transactional: the input is written before anything is timed.
 */
final class ViewsInputWriter implements ViewsEventSink, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Map<Topic, Serializer<SpecificRecord>> serializers = new EnumMap<>(Topic.class);
    private final String topicPrefix;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    ViewsInputWriter(Map<String, Object> clientProperties, String topicPrefix) {
        this.topicPrefix = topicPrefix;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, clientProperties.get("bootstrap.servers"),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer());
        serializers.put(Topic.MESOS_TASK_EVENTS, serializer(MesosTaskEvent.class, clientProperties));
        serializers.put(Topic.MESOS_AGENT_EVENTS, serializer(MesosAgentEvent.class, clientProperties));
        serializers.put(Topic.MARATHON_EVENTS, serializer(MarathonEvent.class, clientProperties));
    }

    @Override
    public void send(Topic topic, String key, SpecificRecord value, Instant timestamp) {
        Serializer<SpecificRecord> serializer = serializers.get(topic);
        if (serializer == null) {
            throw new IllegalArgumentException("The views suite writes no " + topic.defaultName());
        }
        String name = topic.name(topicPrefix);
        producer.send(new ProducerRecord<>(name, null, timestamp.toEpochMilli(), key, serializer.serialize(name, value)),
                (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
    }

    /** Waits until every record is acknowledged; fails if any was not. */
    @Override
    public void close() {
        try {
            producer.flush();
        } finally {
            producer.close();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Writing the input failed", failure.get());
        }
    }

    private static <T extends SpecificRecord> Serializer<SpecificRecord> serializer(Class<T> type, Map<String, Object> config) {
        Serializer<T> typed = AvroSerdes.specific(type, config, false).serializer();
        return (topic, record) -> typed.serialize(topic, type.cast(record));
    }
}
