package io.mesosevents.cli.simulate;

import io.mesosevents.cli.Foreground;
import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.simulator.marathon.MarathonSimulator;
import io.mesosevents.simulator.marathon.MarathonSimulatorConfig;
import io.mesosevents.simulator.marathon.MesosSimulatorBackend;
import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import io.mesosevents.simulator.mesos.MesosSimulatorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;

/** {@code mesos-events simulate all}: a Mesos master and a Marathon that describe one cluster, in one process. */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = "Runs a simulated Mesos master and a simulated Marathon that describe one cluster: Marathon is a framework "
                + "in the Mesos state, its tasks are Mesos tasks, and a change in one shows in the other.")
public final class SimulateAllCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private SimulatedClusterOptions simulation;

    @Option(names = "--host", defaultValue = MesosSimulatorConfig.DEFAULT_HOST, description = "Address both listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--mesos-port", defaultValue = "" + MesosSimulatorConfig.DEFAULT_PORT,
            description = "Port of the Mesos master; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int mesosPort;

    @Option(names = "--marathon-port", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_PORT,
            description = "Port of Marathon; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int marathonPort;

    @Option(names = "--cluster", defaultValue = MesosSimulatorConfig.DEFAULT_CLUSTER,
            description = "The Mesos master's --cluster flag (default: ${DEFAULT-VALUE}).")
    private String cluster;

    @Option(names = "--mesos-rate", defaultValue = "" + MesosSimulatorConfig.DEFAULT_RATE,
            description = "Mesos events per second made by the other frameworks and the agents (default: ${DEFAULT-VALUE}).")
    private double mesosRate;

    @Option(names = "--marathon-rate", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_RATE,
            description = "Marathon changes per second (default: ${DEFAULT-VALUE}).")
    private double marathonRate;

    @Override
    public Integer call() throws Exception {
        MesosMasterSimulator mesos = MesosMasterSimulator.start(simulation.mesos(host, mesosPort, mesosRate, cluster));
        MarathonSimulator marathon;
        try {
            marathon = MarathonSimulator.start(simulation.marathon(host, marathonPort, marathonRate),
                    MesosSimulatorBackend.connect(URI.create(mesos.url())));
        } catch (RuntimeException | java.io.IOException e) {
            mesos.close();
            throw e;
        }
        Foreground.runUntilStopped("simulators", () -> {
            marathon.close();
            mesos.close();
        }, () -> announce(mesos.url(), marathon.url()));
        return 0;
    }

    private void announce(String mesos, String marathon) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Simulated Mesos master ready at " + mesos + "/api/v1 (seed " + simulation.seed() + ")");
        out.println("Simulated Marathon ready at " + marathon + " (seed " + simulation.seed() + "); events at " + marathon + "/v2/events");
        out.println("  Faults: POST " + mesos + "/simulator/faults and " + marathon + "/simulator/faults");
        out.println("  Ingest with: --mesos " + mesos + " --marathon " + marathon);
        out.flush();
    }
}
