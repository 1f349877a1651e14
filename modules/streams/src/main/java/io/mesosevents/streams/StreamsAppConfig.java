package io.mesosevents.streams;

import io.mesosevents.registry.client.SchemaRegistryClientConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Settings of the views application.
 *
 * @param applicationId      Kafka Streams application id: consumer group, changelog and repartition topic prefix
 *                           (default {@value #DEFAULT_APPLICATION_ID})
 * @param bootstrapServers   Kafka brokers (default {@value #DEFAULT_BOOTSTRAP_SERVERS})
 * @param schemaRegistryUrl  schema registry base URL (default {@value #DEFAULT_SCHEMA_REGISTRY_URL})
 * @param topicPrefix        prefix in front of every topic name, verbatim (default none)
 * @param stateDir           where the local state stores live (default Kafka's own: {@code <java.io.tmpdir>/kafka-streams})
 * @param applicationServer  {@code host:port} under which the other instances reach this one's interactive-query
 *                           API ({@code application.server}); empty (the default) for an instance that serves no
 *                           queries, whose stores then cannot be found by the others
 * @param standbyReplicas    warm copies of every store kept on other instances ({@code num.standby.replicas},
 *                           default {@value #DEFAULT_STANDBY_REPLICAS}): they take over, and may answer queries,
 *                           when an instance goes away
 * @param finishedRetention  how long finished tasks and deployments stay in the views after they end
 *                           (default 1 hour, {@link #DEFAULT_FINISHED_RETENTION})
 * @param historyRetention   how far back the versioned history stores reach (default 7 days,
 *                           {@link #DEFAULT_HISTORY_RETENTION})
 * @param kafkaProperties    Kafka client and Kafka Streams properties passed through (security settings,
 *                           timeouts, …; default none); {@code schema.registry.*} and {@code basic.auth.*} keys
 *                           also reach the Avro serdes. The settings above win over the same keys here.
 */
public record StreamsAppConfig(String applicationId, String bootstrapServers, String schemaRegistryUrl,
                               String topicPrefix, Path stateDir, Optional<String> applicationServer,
                               int standbyReplicas, Duration finishedRetention, Duration historyRetention,
                               Map<String, String> kafkaProperties) {

    public static final String DEFAULT_APPLICATION_ID = "mesos-events-views";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";
    public static final int DEFAULT_STANDBY_REPLICAS = 1;
    public static final Duration DEFAULT_FINISHED_RETENTION = Duration.ofHours(1);
    public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(7);

    public StreamsAppConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(applicationServer, "applicationServer");
        applicationServer.ifPresent(StreamsAppConfig::requireHostAndPort);
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException("standbyReplicas must not be negative: " + standbyReplicas);
        }
        requirePositive(finishedRetention, "finishedRetention");
        requirePositive(historyRetention, "historyRetention");
        kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** The settings of the first version of this record; everything newer at its default. */
    public StreamsAppConfig(String applicationId, String bootstrapServers, String schemaRegistryUrl, String topicPrefix,
                            Path stateDir) {
        this(applicationId, bootstrapServers, schemaRegistryUrl, topicPrefix, stateDir, Optional.empty(),
                DEFAULT_STANDBY_REPLICAS, DEFAULT_FINISHED_RETENTION, DEFAULT_HISTORY_RETENTION, Map.of());
    }

    /** Every setting at its default. */
    public static StreamsAppConfig defaults() {
        return new StreamsAppConfig(DEFAULT_APPLICATION_ID, DEFAULT_BOOTSTRAP_SERVERS, DEFAULT_SCHEMA_REGISTRY_URL, "",
                Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams"));
    }

    public StreamsAppConfig withApplicationId(String id) {
        return new StreamsAppConfig(id, bootstrapServers, schemaRegistryUrl, topicPrefix, stateDir, applicationServer,
                standbyReplicas, finishedRetention, historyRetention, kafkaProperties);
    }

    public StreamsAppConfig withBootstrapServers(String servers) {
        return new StreamsAppConfig(applicationId, servers, schemaRegistryUrl, topicPrefix, stateDir, applicationServer,
                standbyReplicas, finishedRetention, historyRetention, kafkaProperties);
    }

    public StreamsAppConfig withSchemaRegistryUrl(String url) {
        return new StreamsAppConfig(applicationId, bootstrapServers, url, topicPrefix, stateDir, applicationServer,
                standbyReplicas, finishedRetention, historyRetention, kafkaProperties);
    }

    public StreamsAppConfig withTopicPrefix(String prefix) {
        return new StreamsAppConfig(applicationId, bootstrapServers, schemaRegistryUrl, prefix, stateDir,
                applicationServer, standbyReplicas, finishedRetention, historyRetention, kafkaProperties);
    }

    public StreamsAppConfig withStateDir(Path dir) {
        return new StreamsAppConfig(applicationId, bootstrapServers, schemaRegistryUrl, topicPrefix, dir,
                applicationServer, standbyReplicas, finishedRetention, historyRetention, kafkaProperties);
    }

    /** @param hostAndPort {@code host:port} the other instances forward queries to */
    public StreamsAppConfig withApplicationServer(String hostAndPort) {
        return new StreamsAppConfig(applicationId, bootstrapServers, schemaRegistryUrl, topicPrefix, stateDir,
                Optional.of(hostAndPort), standbyReplicas, finishedRetention, historyRetention, kafkaProperties);
    }

    public StreamsAppConfig withStandbyReplicas(int replicas) {
        return new StreamsAppConfig(applicationId, bootstrapServers, schemaRegistryUrl, topicPrefix, stateDir,
                applicationServer, replicas, finishedRetention, historyRetention, kafkaProperties);
    }

    public StreamsAppConfig withFinishedRetention(Duration retention) {
        return new StreamsAppConfig(applicationId, bootstrapServers, schemaRegistryUrl, topicPrefix, stateDir,
                applicationServer, standbyReplicas, retention, historyRetention, kafkaProperties);
    }

    public StreamsAppConfig withHistoryRetention(Duration retention) {
        return new StreamsAppConfig(applicationId, bootstrapServers, schemaRegistryUrl, topicPrefix, stateDir,
                applicationServer, standbyReplicas, finishedRetention, retention, kafkaProperties);
    }

    /** @param properties Kafka client and Streams properties passed through; replaces the ones given before */
    public StreamsAppConfig withKafkaProperties(Map<String, String> properties) {
        return new StreamsAppConfig(applicationId, bootstrapServers, schemaRegistryUrl, topicPrefix, stateDir,
                applicationServer, standbyReplicas, finishedRetention, historyRetention, properties);
    }

    /** The {@link #applicationServer} as Kafka Streams reports it in its metadata. */
    public Optional<HostInfo> applicationServerHost() {
        return applicationServer.map(HostInfo::buildFromEndpoint);
    }

    /** The Kafka Streams properties. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        // Passed-through properties first, so that the typed settings below win over them.
        props.putAll(kafkaProperties);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, Integer.toString(standbyReplicas));
        applicationServer.ifPresent(server -> props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server));
        // A view row and its changelog entry must reflect each input event exactly once, or a replayed
        // event after a crash would, e.g., move "started" or re-create a row a GONE deleted.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // A record that cannot be read or folded must not stop its partition for good: it is logged and
        // copied, with the error in its headers, to the dead-letter topic, and processing goes on.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic());
        return props;
    }

    /**
     * Where the views put input records they cannot process: {@code <prefix>views.dlq}, the original
     * key and value bytes with Kafka Streams' error headers ({@code __streams.errors.*}).
     */
    public String deadLetterTopic() {
        return topicPrefix + "views.dlq";
    }

    /** The configuration of the Avro serdes. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        kafkaProperties.forEach((key, value) -> {
            if (key.startsWith("schema.registry.") || key.startsWith("basic.auth.")) {
                config.put(key, value);
            }
        });
        config.put(SchemaRegistryClientConfig.URL, schemaRegistryUrl);
        return Map.copyOf(config);
    }

    private static void requireHostAndPort(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        boolean valid = colon > 0 && colon < hostAndPort.length() - 1;
        if (valid) {
            try {
                int port = Integer.parseInt(hostAndPort.substring(colon + 1));
                valid = port > 0 && port <= 65535;
            } catch (NumberFormatException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw new IllegalArgumentException("applicationServer must be host:port with a port from 1 to 65535, not '"
                    + hostAndPort + "'");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
