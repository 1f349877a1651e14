package io.mesosevents.cli.replay;

import picocli.CommandLine.Command;

/** {@code mesos-events replay}: analytics over the event log, and the views rebuilt from it. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays the event log: exports a time range of the event topics to files for analytics, or rebuilds the views "
                + "from the whole log under a new application id.",
        subcommands = {ReplayExportCommand.class, ReplayRebuildCommand.class})
public final class ReplayCommand {
}
