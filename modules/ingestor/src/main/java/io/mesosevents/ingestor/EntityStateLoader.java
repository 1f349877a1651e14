package io.mesosevents.ingestor;

import io.mesosevents.model.Topic;
import io.mesosevents.registry.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Rebuilds a cluster's last known state from the entity topics ({@link EntityState} for Mesos,
 * the Marathon state from {@code marathon.events}): every committed record from the start of
 * retention to the current end, in partition order. Kafka, not a local file, is the
 * memory of what was last written, so a replica on a fresh disk resumes correctly.
 */
public final class EntityStateLoader {

    private static final Logger LOG = LoggerFactory.getLogger(EntityStateLoader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> clientProperties;
    private final String topicPrefix;
    private final Duration timeout;

    public EntityStateLoader(Map<String, Object> clientProperties, String topicPrefix, Duration timeout) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.topicPrefix = topicPrefix;
        this.timeout = timeout;
    }

    /** The last known state of the Mesos entities of {@code cluster}. */
    public EntityState load(String cluster) {
        EntityState state = new EntityState();
        long read = replay(cluster, EntityState.ENTITY_TOPICS, state::apply);
        LOG.info("Loaded the last known state of cluster '{}' from Kafka: {} entities from {} records", cluster, state.size(), read);
        return state;
    }

    /**
     * Hands every committed record of {@code cluster}'s entities in {@code topics} to {@code fold},
     * in partition order, up to the current end of the topics.
     *
     * @return how many records were handed over
     */
    public long replay(String cluster, List<Topic> topics, Consumer<OutboundRecord> fold) {
        String keyPrefix = cluster + "/";
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<String, Topic> topicsByName = new HashMap<>();
            Map<Topic, Deserializer<? extends SpecificRecord>> values = new HashMap<>();
            List<TopicPartition> assigned = new ArrayList<>();
            for (Topic topic : topics) {
                String name = topic.name(topicPrefix);
                topicsByName.put(name, topic);
                values.put(topic, deserializer(topic));
                List<PartitionInfo> partitions = consumer.partitionsFor(name, timeout);
                if (partitions != null) {
                    partitions.forEach(p -> assigned.add(new TopicPartition(name, p.partition())));
                }
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = highWatermarks(assigned);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    // Going on would reconcile against stale state; the next session tries again.
                    throw new IllegalStateException("Loading the state of cluster '" + cluster + "' did not reach the end of the topics within "
                            + timeout.toSeconds() + " s (an open transaction of another writer holds it back)");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.value() == null || record.key() == null || !record.key().startsWith(keyPrefix)) {
                        continue;
                    }
                    Topic topic = topicsByName.get(record.topic());
                    try {
                        SpecificRecord value = values.get(topic).deserialize(record.topic(), record.value());
                        fold.accept(new OutboundRecord(topic, record.key(), value));
                        read++;
                    } catch (SerializationException e) {
                        LOG.warn("Skipped undecodable record {}-{}@{} while loading state: {}",
                                record.topic(), record.partition(), record.offset(), e.getMessage());
                    }
                }
            }
            values.values().forEach(Deserializer::close);
        }
        return read;
    }

    /**
     * Where every partition ends now, committed or not. A read_committed consumer's own end
     * offsets stop at the first open transaction; when another cluster sharing the topics has one
     * open, this cluster's later committed records lie beyond it and would be missed.
     */
    private Map<TopicPartition, Long> highWatermarks(List<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        try (Admin admin = Admin.create(clientProperties)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of the entity topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the end offsets of the entity topics", e);
        }
    }

    private boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
    }

    private Deserializer<? extends SpecificRecord> deserializer(Topic topic) {
        Class<? extends SpecificRecord> type = switch (topic) {
            case MESOS_TASK_EVENTS -> io.mesosevents.model.mesos.MesosTaskEvent.class;
            case MESOS_AGENT_EVENTS -> io.mesosevents.model.mesos.MesosAgentEvent.class;
            case MESOS_FRAMEWORK_EVENTS -> io.mesosevents.model.mesos.MesosFrameworkEvent.class;
            case MARATHON_EVENTS -> io.mesosevents.model.marathon.MarathonEvent.class;
            default -> throw new IllegalArgumentException("Not an entity topic: " + topic);
        };
        return AvroSerdes.specific(type, clientProperties, false).deserializer();
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only what a committed transaction wrote counts: an aborted snapshot never happened.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.name().toLowerCase(Locale.ROOT));
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return properties;
    }
}
