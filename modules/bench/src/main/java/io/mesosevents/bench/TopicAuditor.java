package io.mesosevents.bench;

import io.mesosevents.registry.serde.AvroSerdes;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads back, after a run, every committed record of the given topics and sums it up as a
 * {@link TopicAudit}. Reading happens once the ingestor is done, so it costs the measurement nothing.
 */
final class TopicAuditor {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> clientProperties;

    TopicAuditor(Map<String, Object> clientProperties) {
        this.clientProperties = Map.copyOf(clientProperties);
    }

    TopicAudit audit(Collection<String> topics) {
        Map<TopicPartition, Long> snapshotEnds = new HashMap<>();
        Map<TopicPartition, Long> lastDeltas = new HashMap<>();
        Set<String> sessions = new HashSet<>();
        long snapshotRecords = 0;
        long deltas = 0;
        long keyBytes = 0;
        long valueBytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             Deserializer<GenericRecord> values = AvroSerdes.generic(clientProperties, false).deserializer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    GenericRecord meta = (GenericRecord) values.deserialize(record.topic(), record.value()).get("meta");
                    sessions.add(meta.get("sessionId").toString());
                    switch (meta.get("kind").toString()) {
                        case "SNAPSHOT" -> snapshotRecords++;
                        case "SNAPSHOT_END" -> snapshotEnds.put(partition, record.offset());
                        case "DELTA" -> {
                            deltas++;
                            keyBytes += record.serializedKeySize();
                            valueBytes += record.serializedValueSize();
                            lastDeltas.put(partition, record.offset());
                        }
                        default -> {
                            // Begin markers and gone records say nothing about the pace.
                        }
                    }
                }
            }
        }
        return new TopicAudit(snapshotEnds, lastDeltas, snapshotRecords, deltas, keyBytes, valueBytes, sessions);
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, clientProperties.get("bootstrap.servers"));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        return properties;
    }
}
