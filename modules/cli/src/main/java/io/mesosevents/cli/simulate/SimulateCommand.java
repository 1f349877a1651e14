package io.mesosevents.cli.simulate;

import picocli.CommandLine.Command;

/** {@code mesos-events simulate}: sources that speak the real wire protocols, for demos and tests. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Runs a simulated source cluster that speaks the real wire protocol, deterministic by seed.",
        subcommands = {SimulateMesosCommand.class, SimulateMarathonCommand.class, SimulateAllCommand.class})
public final class SimulateCommand {
}
