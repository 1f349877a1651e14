package io.mesosevents.cli.config;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the Kafka cluster is and how to talk to it. Any Kafka client property passes through
 * untouched, so TLS and SASL clusters need no code: a client properties file, environment variables
 * {@code MESOS_EVENTS_KAFKA_PROPERTY_<NAME>} (e.g. {@code MESOS_EVENTS_KAFKA_PROPERTY_SECURITY_PROTOCOL}
 * for {@code security.protocol}), and {@code --kafka-property k=v} flags, in rising precedence.
 */
public final class KafkaClientOptions {

    static final String PROPERTY_ENV_PREFIX = SettingNames.ENV_PREFIX + "KAFKA_PROPERTY_";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,…]", required = true,
            description = "Kafka bootstrap servers. Env: MESOS_EVENTS_BOOTSTRAP_SERVERS.")
    private String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.*, …). Env: MESOS_EVENTS_KAFKA_CONFIG.")
    private Path kafkaConfig;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "A Kafka client property; repeatable; wins over --kafka-config. "
                    + "Env: MESOS_EVENTS_KAFKA_PROPERTY_<KEY> with dots as underscores.")
    private Map<String, String> kafkaProperties = new LinkedHashMap<>();

    private final Map<String, String> environment;

    /** @param environment where {@code MESOS_EVENTS_KAFKA_PROPERTY_*} variables are read from */
    public KafkaClientOptions(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The Kafka client configuration these options describe. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (kafkaConfig != null) {
            PropertiesFiles.read(kafkaConfig, "Kafka config file").forEach(properties::put);
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(PROPERTY_ENV_PREFIX) && name.length() > PROPERTY_ENV_PREFIX.length()) {
                properties.put(name.substring(PROPERTY_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        properties.putAll(kafkaProperties);
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The client properties besides the bootstrap servers, as strings: what Kafka Streams gets on top of its own settings. */
    public Map<String, String> passedThroughProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        clientProperties().forEach((key, value) -> {
            if (!key.equals("bootstrap.servers") && value != null) {
                properties.put(key, value.toString());
            }
        });
        return properties;
    }
}
