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

    @Option(names = "--host", defaultValue = MesosSimulatorConfig.DEFAULT_HOST, description = "Address both listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--mesos-port", defaultValue = "" + MesosSimulatorConfig.DEFAULT_PORT,
            description = "Port of the Mesos master; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int mesosPort;

    @Option(names = "--marathon-port", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_PORT,
            description = "Port of Marathon; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int marathonPort;

    @Option(names = "--seed", defaultValue = "" + MesosSimulatorConfig.DEFAULT_SEED, description = "Seed of both models (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--cluster", defaultValue = MesosSimulatorConfig.DEFAULT_CLUSTER,
            description = "The Mesos master's --cluster flag (default: ${DEFAULT-VALUE}).")
    private String cluster;

    @Option(names = "--agents", defaultValue = "" + MesosSimulatorConfig.DEFAULT_AGENTS, description = "Mesos agents (default: ${DEFAULT-VALUE}).")
    private int agents;

    @Option(names = "--tasks", defaultValue = "" + MesosSimulatorConfig.DEFAULT_TASKS,
            description = "Tasks of the frameworks other than Marathon (default: ${DEFAULT-VALUE}).")
    private int tasks;

    @Option(names = "--mesos-rate", defaultValue = "" + MesosSimulatorConfig.DEFAULT_RATE,
            description = "Mesos events per second made by the other frameworks and the agents (default: ${DEFAULT-VALUE}).")
    private double mesosRate;

    @Option(names = "--apps", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_APPS, description = "Marathon apps (default: ${DEFAULT-VALUE}).")
    private int apps;

    @Option(names = "--instances", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_INSTANCES,
            description = "Instances of each app at start (default: ${DEFAULT-VALUE}).")
    private int instances;

    @Option(names = "--marathon-rate", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_RATE,
            description = "Marathon changes per second (default: ${DEFAULT-VALUE}).")
    private double marathonRate;

    @Override
    public Integer call() throws Exception {
        MesosMasterSimulator mesos = MesosMasterSimulator.start(MesosSimulatorConfig.defaults().withHost(host).withPort(mesosPort)
                .withSeed(seed).withAgents(agents).withTasks(tasks).withRate(mesosRate).withCluster(cluster));
        MarathonSimulator marathon;
        try {
            marathon = MarathonSimulator.start(MarathonSimulatorConfig.defaults().withHost(host).withPort(marathonPort).withSeed(seed)
                    .withApps(apps).withInstances(instances).withRate(marathonRate), MesosSimulatorBackend.connect(URI.create(mesos.url())));
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
        out.println("Simulated Mesos master ready at " + mesos + "/api/v1 (seed " + seed + ")");
        out.println("Simulated Marathon ready at " + marathon + " (seed " + seed + "); events at " + marathon + "/v2/events");
        out.println("  Faults: POST " + mesos + "/simulator/faults and " + marathon + "/simulator/faults");
        out.println("  Ingest with: --mesos " + mesos + " --marathon " + marathon);
        out.flush();
    }
}
