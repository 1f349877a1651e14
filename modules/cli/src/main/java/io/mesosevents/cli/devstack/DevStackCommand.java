package io.mesosevents.cli.devstack;

import io.mesosevents.cli.Foreground;
import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.DevStackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mesos-events devstack}: a Kafka broker and a schema registry for development, in the foreground. */
@Command(name = "devstack", mixinStandardHelpOptions = true,
        description = {
                "Runs an embedded single-node Kafka broker (KRaft) and the embedded schema registry in the foreground until Ctrl-C.",
                "With the same --data-dir a restart keeps every topic and schema."
        })
public final class DevStackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address both servers bind to and advertise (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Kafka client port; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081",
            description = "Schema registry port; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int registryPort;

    @Option(names = "--data-dir", defaultValue = "data",
            description = "Directory for Kafka's data, schemas included (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Override
    public Integer call() throws Exception {
        DevStack stack = DevStack.start(new DevStackConfig(host, kafkaPort, registryPort, Optional.of(dataDir)));
        Foreground.runUntilStopped("devstack", stack, () -> {
            PrintWriter out = spec.commandLine().getOut();
            out.println("mesos-events devstack is ready");
            out.println("  Kafka bootstrap servers: " + stack.bootstrapServers());
            out.println("  Schema registry:         " + stack.schemaRegistryUrl());
            out.println("  Data directory:          " + dataDir.toAbsolutePath().normalize());
            out.println("Press Ctrl-C to stop.");
            out.flush();
        });
        return 0;
    }
}
