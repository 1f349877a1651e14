package io.mesosevents.devstack;

import io.mesosevents.registry.server.KafkaSchemaLog;
import io.mesosevents.registry.server.KafkaSchemaLogConfig;
import io.mesosevents.registry.server.SchemaLog;
import io.mesosevents.registry.server.SchemaRegistryServer;
import io.mesosevents.registry.server.SchemaRegistryServerConfig;

import java.util.Map;

/**
 * The development stack: a real single-node KRaft Kafka broker and the embedded schema registry,
 * which keeps its schemas in the broker's {@code _schemas} topic. Used by {@code mesos-events devstack},
 * the demo and the integration tests.
 */
public final class DevStack implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final SchemaLog schemaLog;
    private final SchemaRegistryServer registry;

    private DevStack(EmbeddedKafkaBroker broker, SchemaLog schemaLog, SchemaRegistryServer registry) {
        this.broker = broker;
        this.schemaLog = schemaLog;
        this.registry = registry;
    }

    /** Starts the broker, then the registry on it; returns once both serve. */
    public static DevStack start(DevStackConfig config) {
        // Fail on a taken registry port before spending seconds on the broker. Port 0 goes through
        // as 0, so the registry binds its own free port instead of racing for one picked now.
        if (config.registryPort() != 0) {
            FreePorts.claim(config.host(), config.registryPort(), "Schema registry");
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config.brokerConfig());
        SchemaLog schemaLog = null;
        try {
            schemaLog = new KafkaSchemaLog(KafkaSchemaLogConfig.of(broker.bootstrapServers(), Map.of()));
            SchemaRegistryServer registry = new SchemaRegistryServer(
                    SchemaRegistryServerConfig.of(schemaLog).withHost(config.host()).withPort(config.registryPort())).start();
            return new DevStack(broker, schemaLog, registry);
        } catch (RuntimeException e) {
            if (schemaLog != null) {
                schemaLog.close();
            }
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** Kafka client settings that reach this stack, to start a client's configuration from. */
    public Map<String, Object> clientProperties() {
        return Map.of("bootstrap.servers", bootstrapServers(), "schema.registry.url", schemaRegistryUrl());
    }

    @Override
    public void close() {
        // Each part is stopped even when the one before it fails, the broker last since the others use it.
        try {
            registry.close();
        } finally {
            try {
                schemaLog.close();
            } finally {
                broker.close();
            }
        }
    }
}

