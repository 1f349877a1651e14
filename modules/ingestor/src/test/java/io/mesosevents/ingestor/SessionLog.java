package io.mesosevents.ingestor;

import io.mesosevents.model.Topic;
import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.registry.serde.AvroSerdes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Mesos event records of one cluster as a consumer of one isolation level sees them, reduced to
 * their place in the log and in their ingestor session ({@code meta}): what a consumer relies on to
 * tell resyncs and losses apart.
 */
final class SessionLog {

    /** Every topic whose records carry a session sequence number. */
    static final List<Topic> TOPICS = List.of(Topic.MESOS_TASK_EVENTS, Topic.MESOS_AGENT_EVENTS, Topic.MESOS_FRAMEWORK_EVENTS,
            Topic.MESOS_OTHER_EVENTS);
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    record Entry(TopicPartition partition, long offset, String session, long sequence, String kind) {
    }

    private final List<Entry> entries;

    private SessionLog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The records of {@code cluster} within {@code ranges} of the {@link #TOPICS}, as a consumer at {@code isolation} gets them. */
    static SessionLog read(Map<String, Object> kafka, String topicPrefix, String cluster, IsolationLevel isolation,
                           Map<TopicPartition, OffsetRanges.Range> ranges) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.name().toLowerCase(Locale.ROOT));
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(kafka);
        Map<String, Deserializer<GenericRecord>> envelopes = TOPICS.stream().collect(Collectors.toMap(topic -> topic.name(topicPrefix),
                topic -> AvroSerdes.generic(Optional.of(envelope(topic)), registry, kafka, false).deserializer()));
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ranges.keySet());
            ranges.forEach((partition, range) -> consumer.seek(partition, range.from()));
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!ranges.entrySet().stream().allMatch(r -> consumer.position(r.getKey()) >= r.getValue().to())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + ranges + " within " + READ_LIMIT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.value() == null || !ranges.get(partition).contains(record.offset())) {
                        continue;
                    }
                    GenericRecord meta = (GenericRecord) envelopes.get(record.topic()).deserialize(record.topic(), record.value()).get("meta");
                    if (cluster.equals(meta.get("cluster").toString())) {
                        entries.add(new Entry(partition, record.offset(), meta.get("sessionId").toString(), (Long) meta.get("sequence"),
                                meta.get("kind").toString()));
                    }
                }
            }
        }
        return new SessionLog(entries);
    }

    /** The topic's value schema cut down to its envelope: Avro skips the rest instead of building it, which reads the log much faster. */
    private static Schema envelope(Topic topic) {
        Schema value = topic.valueSchema();
        return Schema.createRecord(value.getName(), null, value.getNamespace(), false,
                List.of(new Schema.Field("meta", value.getField("meta").schema())));
    }

    List<Entry> entries() {
        return entries;
    }

    Set<String> sessions() {
        return entries.stream().map(Entry::session).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The sequence numbers of {@code session}, once each (a snapshot marker is on every partition of its topic). */
    TreeSet<Long> sequences(String session) {
        return entries.stream().filter(e -> e.session().equals(session)).map(Entry::sequence).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The entries at offsets within {@code ranges}. */
    List<Entry> within(Map<TopicPartition, OffsetRanges.Range> ranges) {
        return entries.stream().filter(e -> ranges.containsKey(e.partition()) && ranges.get(e.partition()).contains(e.offset())).toList();
    }

    /** Sessions whose sequence numbers are not exactly 0, 1, 2, …: a record was lost, or seen twice. */
    List<String> sequenceGaps() {
        List<String> gaps = new ArrayList<>();
        for (String session : sessions()) {
            TreeSet<Long> sequences = sequences(session);
            if (sequences.first() != 0 || sequences.last() != sequences.size() - 1) {
                gaps.add(session + ": " + sequences.size() + " sequence numbers from " + sequences.first() + " to " + sequences.last());
            }
        }
        return gaps;
    }

    /** Sessions that do not begin with a snapshot: a consumer could not tell what state their deltas apply to. */
    List<String> sessionsNotOpenedBySnapshot() {
        return entries.stream().filter(e -> e.sequence() == 0 && !e.kind().equals("SNAPSHOT_BEGIN"))
                .map(e -> e.session() + " opens with " + e.kind()).distinct().toList();
    }

    /**
     * Where sessions interleave: within a partition each session must be one run of rising sequence
     * numbers, and two sessions must come in the same order in every partition they share.
     */
    List<String> interleavings() {
        List<String> found = new ArrayList<>();
        Set<List<String>> before = new HashSet<>();
        // A consumer gets every partition's records in offset order, and so they were added.
        Map<TopicPartition, List<Entry>> byPartition = entries.stream().collect(Collectors.groupingBy(Entry::partition, LinkedHashMap::new, Collectors.toList()));
        byPartition.forEach((partition, inPartition) -> {
            List<String> runs = new ArrayList<>();
            Entry previous = null;
            for (Entry entry : inPartition) {
                if (previous == null || !previous.session().equals(entry.session())) {
                    if (runs.contains(entry.session())) {
                        found.add(partition + "@" + entry.offset() + ": session " + entry.session() + " resumes after " + previous.session());
                    }
                    runs.add(entry.session());
                } else if (entry.sequence() <= previous.sequence()) {
                    found.add(partition + "@" + entry.offset() + ": session " + entry.session() + " goes back from sequence "
                            + previous.sequence() + " to " + entry.sequence());
                }
                previous = entry;
            }
            for (int i = 0; i < runs.size(); i++) {
                for (int j = i + 1; j < runs.size(); j++) {
                    before.add(List.of(runs.get(i), runs.get(j)));
                }
            }
        });
        before.stream().filter(pair -> before.contains(List.of(pair.get(1), pair.get(0))) && pair.get(0).compareTo(pair.get(1)) < 0)
                .forEach(pair -> found.add("sessions " + pair.get(0) + " and " + pair.get(1) + " come in different orders in different partitions"));
        return found;
    }
}
