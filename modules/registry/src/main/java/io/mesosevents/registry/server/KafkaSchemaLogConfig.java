package io.mesosevents.registry.server;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a {@link KafkaSchemaLog} keeps its records.
 *
 * @param bootstrapServers  the Kafka cluster
 * @param clientProperties  extra Kafka client properties (security, client ids, …) given to the
 *                          admin client, the producer and the consumer; the log's own settings
 *                          (serializers, acks, idempotence, offsets) win over them
 * @param topic             the compacted topic, {@value #DEFAULT_TOPIC} by default
 * @param replicationFactor the topic's replication factor when the log creates it; empty (the
 *                          default) means min(3, number of brokers)
 * @param timeout           how long one Kafka operation (create, send, replay) may take; 30 s by default
 */
public record KafkaSchemaLogConfig(
        String bootstrapServers,
        Map<String, Object> clientProperties,
        String topic,
        Optional<Short> replicationFactor,
        Duration timeout) {

    public static final String DEFAULT_TOPIC = "_schemas";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public KafkaSchemaLogConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(replicationFactor, "replicationFactor");
        Objects.requireNonNull(timeout, "timeout");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        replicationFactor.ifPresent(factor -> {
            if (factor < 1) {
                throw new IllegalArgumentException("replicationFactor must be positive, was " + factor);
            }
        });
    }

    /** The defaults: topic {@value #DEFAULT_TOPIC}, replication min(3, brokers), 30 s timeout. */
    public static KafkaSchemaLogConfig of(String bootstrapServers, Map<String, ?> clientProperties) {
        return new KafkaSchemaLogConfig(bootstrapServers, Map.copyOf(clientProperties), DEFAULT_TOPIC,
                Optional.empty(), DEFAULT_TIMEOUT);
    }

    public KafkaSchemaLogConfig withTopic(String newTopic) {
        return new KafkaSchemaLogConfig(bootstrapServers, clientProperties, newTopic, replicationFactor, timeout);
    }

    public KafkaSchemaLogConfig withReplicationFactor(short factor) {
        return new KafkaSchemaLogConfig(bootstrapServers, clientProperties, topic, Optional.of(factor), timeout);
    }
}
