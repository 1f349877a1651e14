package io.mesosevents.cli.config;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the event log is: the Kafka cluster, the schema registry its values are registered in, and
 * the prefix of its topic names. Every command that reads the topics ({@code serve}, {@code replay …})
 * takes these three alike.
 */
public final class EventLogOptions {

    @Mixin
    private KafkaClientOptions kafka;

    @Option(names = "--schema-registry", required = true, paramLabel = "URL",
            description = "Schema registry URL(s), comma-separated. Env: MESOS_EVENTS_SCHEMA_REGISTRY.")
    private String schemaRegistry;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix in front of every topic name (default: none).")
    private String topicPrefix;

    public KafkaClientOptions kafka() {
        return kafka;
    }

    public String schemaRegistry() {
        return schemaRegistry;
    }

    public String topicPrefix() {
        return topicPrefix;
    }
}
