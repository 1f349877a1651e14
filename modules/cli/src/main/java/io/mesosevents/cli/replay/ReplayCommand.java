package io.mesosevents.cli.replay;

import picocli.CommandLine.Command;

/** {@code mesos-events replay}: state as of a time and exports for analytics, and the views rebuilt from the event log. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays the event log: a view's table as it was at a time, a time range of the event topics exported to "
                + "files for analytics, or the views rebuilt from the whole log under a new application id.",
        subcommands = {ReplayStateCommand.class, ReplayExportCommand.class, ReplayRebuildCommand.class})
public final class ReplayCommand {
}
