package io.mesosevents.streams;

import io.mesosevents.registry.client.SchemaRegistryClientConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the views application.
 *
 * @param applicationId     Kafka Streams application id: consumer group, changelog and repartition topic prefix
 *                          (default {@value #DEFAULT_APPLICATION_ID})
 * @param bootstrapServers  Kafka brokers (default {@value #DEFAULT_BOOTSTRAP_SERVERS})
 * @param schemaRegistryUrl schema registry base URL (default {@value #DEFAULT_SCHEMA_REGISTRY_URL})
 * @param topicPrefix       prefix in front of every topic name, verbatim (default none)
 * @param stateDir          where the local state stores live (default Kafka's own: {@code <java.io.tmpdir>/kafka-streams})
 */
public record StreamsAppConfig(String applicationId, String bootstrapServers, String schemaRegistryUrl,
                               String topicPrefix, Path stateDir) {

    public static final String DEFAULT_APPLICATION_ID = "mesos-events-views";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

    public StreamsAppConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(stateDir, "stateDir");
    }

    /** Every setting at its default. */
    public static StreamsAppConfig defaults() {
        return new StreamsAppConfig(DEFAULT_APPLICATION_ID, DEFAULT_BOOTSTRAP_SERVERS, DEFAULT_SCHEMA_REGISTRY_URL, "",
                Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams"));
    }

    public StreamsAppConfig withBootstrapServers(String servers) {
        return new StreamsAppConfig(applicationId, servers, schemaRegistryUrl, topicPrefix, stateDir);
    }

    public StreamsAppConfig withSchemaRegistryUrl(String url) {
        return new StreamsAppConfig(applicationId, bootstrapServers, url, topicPrefix, stateDir);
    }

    public StreamsAppConfig withTopicPrefix(String prefix) {
        return new StreamsAppConfig(applicationId, bootstrapServers, schemaRegistryUrl, prefix, stateDir);
    }

    public StreamsAppConfig withStateDir(Path dir) {
        return new StreamsAppConfig(applicationId, bootstrapServers, schemaRegistryUrl, topicPrefix, dir);
    }

    /** The Kafka Streams properties. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // A view row and its changelog entry must reflect each input event exactly once, or a replayed
        // event after a crash would, e.g., move "started" or re-create a row a GONE deleted.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return props;
    }

    /** The configuration of the Avro serdes. */
    public Map<String, Object> serdeConfig() {
        return Map.of(SchemaRegistryClientConfig.URL, schemaRegistryUrl);
    }
}
