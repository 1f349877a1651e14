package io.mesosevents.cli.topics;

import picocli.CommandLine.Command;

/** {@code mesos-events topics}: manage the platform's Kafka topics. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Manage the platform's Kafka topics.",
        subcommands = {CreateTopicsCommand.class})
public final class TopicsCommand {
}
