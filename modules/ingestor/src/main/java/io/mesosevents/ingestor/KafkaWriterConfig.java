package io.mesosevents.ingestor;

import java.time.Duration;
import java.util.Map;

/**
 * How the ingestor writes to Kafka.
 *
 * @param clientProperties Kafka client and schema registry properties ({@code bootstrap.servers},
 *                         {@code schema.registry.url}, security, …), passed through
 * @param topicPrefix      prefix in front of every topic name ("" by default)
 * @param transactionalId  the producer's transactional id; every replica ingesting one source uses
 *                         the same one, so a new active replica fences the old
 * @param commitInterval   how long live changes may wait in an open transaction; 100 ms by default
 * @param queueCapacity    batches waiting for the writer before the reader is slowed down; 1,000 by default
 */
public record KafkaWriterConfig(
        Map<String, Object> clientProperties,
        String topicPrefix,
        String transactionalId,
        Duration commitInterval,
        int queueCapacity) {

    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
    public static final int DEFAULT_QUEUE_CAPACITY = 1_000;

    public KafkaWriterConfig {
        clientProperties = Map.copyOf(clientProperties);
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive, was " + queueCapacity);
        }
    }

    public static KafkaWriterConfig of(Map<String, Object> clientProperties, String topicPrefix, String transactionalId) {
        return new KafkaWriterConfig(clientProperties, topicPrefix, transactionalId, DEFAULT_COMMIT_INTERVAL, DEFAULT_QUEUE_CAPACITY);
    }
}
