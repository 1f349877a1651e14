package io.mesosevents.cli.registry;

import io.mesosevents.cli.Foreground;
import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.config.KafkaClientOptions;
import io.mesosevents.registry.server.KafkaSchemaLog;
import io.mesosevents.registry.server.KafkaSchemaLogConfig;
import io.mesosevents.registry.server.SchemaRegistryServer;
import io.mesosevents.registry.server.SchemaRegistryServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code mesos-events registry}: the embedded, Confluent-compatible schema registry over any Kafka cluster. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {
                "Runs the embedded Confluent-compatible schema registry (Avro) over a Kafka cluster, in the foreground.",
                "Schemas live in a compacted topic; run one instance per topic (it is the topic's single writer)."
        })
public final class RegistryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private KafkaClientOptions kafka;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "8081", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--schemas-topic", defaultValue = KafkaSchemaLogConfig.DEFAULT_TOPIC,
            description = "Compacted topic that stores the schemas (default: ${DEFAULT-VALUE}).")
    private String schemasTopic;

    @Option(names = "--schemas-replication-factor",
            description = "Replication factor when the schemas topic is created (default: min(3, number of brokers)).")
    private Short schemasReplicationFactor;

    @Override
    public Integer call() throws Exception {
        KafkaSchemaLogConfig logConfig = KafkaSchemaLogConfig.of(kafka.bootstrapServers(), kafka.clientProperties()).withTopic(schemasTopic);
        if (schemasReplicationFactor != null) {
            logConfig = logConfig.withReplicationFactor(schemasReplicationFactor);
        }
        KafkaSchemaLog log = new KafkaSchemaLog(logConfig);
        SchemaRegistryServer server;
        try {
            server = new SchemaRegistryServer(SchemaRegistryServerConfig.of(log).withHost(host).withPort(port)).start();
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        Foreground.runUntilStopped("schema registry", () -> {
            server.close();
            log.close();
        }, () -> {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Schema registry ready at " + server.url() + " (schemas in topic " + schemasTopic + " on " + kafka.bootstrapServers() + ")");
            out.flush();
        });
        return 0;
    }
}
