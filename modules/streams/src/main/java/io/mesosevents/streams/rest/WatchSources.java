package io.mesosevents.streams.rest;

import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.registry.serde.AvroSerdes;
import io.mesosevents.streams.StreamsAppConfig;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the watches of one server share: the settings of their consumers, the topic of each type, and one
 * Avro decoder per type over one registry client (its schema cache then serves every watch).
 *
 * <p>Each watch gets its own consumer: it assigns itself the partitions (no group, nothing committed, so
 * watches cost the brokers no rebalances) and reads committed records only, as the views write their
 * topics in transactions. Fetches are kept small, so one watch holds at most about
 * {@value #FETCH_MAX_BYTES} bytes of records per broker; values stay bytes until a record is taken, so
 * one undecodable record does not stop the watch.
 */
final class WatchSources {

    static final int FETCH_MAX_BYTES = 1024 * 1024;
    private static final int MAX_POLL_RECORDS = 200;
    private static final int API_TIMEOUT_MS = 10_000;

    private final Map<String, Object> consumerSettings;
    private final String topicPrefix;
    private final String clientIdPrefix;
    private final Map<WatchType, Deserializer<? extends SpecificRecord>> decoders;
    private final AtomicLong opened = new AtomicLong();

    /** @param instance this instance as {@code host:port}, part of each consumer's client id */
    WatchSources(StreamsAppConfig config, String instance) {
        this.consumerSettings = consumerSettings(config);
        this.topicPrefix = config.topicPrefix();
        this.clientIdPrefix = "mesos-events-watch-" + instance.replace(':', '-') + "-";
        SchemaRegistryClient registry = SchemaRegistryClient.fromConfig(config.serdeConfig());
        Map<WatchType, Deserializer<? extends SpecificRecord>> byType = new EnumMap<>(WatchType.class);
        for (WatchType type : WatchType.values()) {
            byType.put(type, AvroSerdes.specific(type.rowType(), registry, config.serdeConfig(), false).deserializer());
        }
        this.decoders = byType;
    }

    /** A name for the next watch, unique in this process: its consumer's client id, so its metrics and log lines agree. */
    String nextName() {
        return clientIdPrefix + opened.incrementAndGet();
    }

    /** A new consumer for the watch {@code name}. */
    KafkaConsumer<String, byte[]> newConsumer(String name) {
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    String topic(WatchType type) {
        return type.topic().name(topicPrefix);
    }

    /** The watched type whose topic is {@code topic}. */
    Optional<WatchType> typeOf(String topic) {
        for (WatchType type : WatchType.values()) {
            if (topic(type).equals(topic)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The row a record holds; {@code null} for a tombstone (a deletion). */
    SpecificRecord decode(WatchType type, String topic, byte[] value) {
        return value == null ? null : decoders.get(type).deserialize(topic, value);
    }

    /**
     * The consumer settings of the passed-through Kafka properties (security, timeouts, DNS): those a plain
     * consumer knows, without the group ones, under the settings a watch needs.
     */
    private static Map<String, Object> consumerSettings(StreamsAppConfig config) {
        Map<String, Object> settings = new HashMap<>();
        config.kafkaProperties().forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A watch of a missing topic is refused; it must not create the topic with the broker's defaults.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Every position is set explicitly; one that falls out of the log is reported as a gap, never reset silently.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_MAX_BYTES);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        return Map.copyOf(settings);
    }
}
