package io.mesosevents.cli.replay;

import picocli.CommandLine.Command;

/** {@code mesos-events replay}: analytics over the event log, offline, without touching the live views. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays the event log for analytics: exports a time range of the event topics to files.",
        subcommands = {ReplayExportCommand.class})
public final class ReplayCommand {
}
