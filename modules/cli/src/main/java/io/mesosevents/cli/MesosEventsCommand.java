package io.mesosevents.cli;

import io.mesosevents.cli.demo.DemoCommand;
import io.mesosevents.cli.devstack.DevStackCommand;
import io.mesosevents.cli.ingest.IngestCommand;
import io.mesosevents.cli.registry.RegistryCommand;
import io.mesosevents.cli.replay.ReplayCommand;
import io.mesosevents.cli.serve.ServeCommand;
import io.mesosevents.cli.simulate.SimulateCommand;
import io.mesosevents.cli.topics.TopicsCommand;
import picocli.CommandLine.Command;

/** The root of the executable: every part of the platform is a subcommand. */
@Command(name = "mesos-events",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = "Mesos and Marathon cluster events as a durable, typed, replayable event log on Apache Kafka.",
        footer = {
                "",
                "Every option can also be given as an environment variable MESOS_EVENTS_<OPTION> (--kafka-port → MESOS_EVENTS_KAFKA_PORT)",
                "or in a properties file named by --config FILE (kafka-port=9092). Precedence: flag > environment > file > default.",
                "Log level: MESOS_EVENTS_LOG_LEVEL (default INFO). JVM options for bin/mesos-events: MESOS_EVENTS_JAVA_OPTS."
        },
        subcommands = {DemoCommand.class, DevStackCommand.class, IngestCommand.class, RegistryCommand.class, ReplayCommand.class, ServeCommand.class, SimulateCommand.class, TopicsCommand.class})
public final class MesosEventsCommand {
}
