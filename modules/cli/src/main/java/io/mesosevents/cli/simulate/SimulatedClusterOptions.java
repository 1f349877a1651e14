package io.mesosevents.cli.simulate;

import io.mesosevents.simulator.marathon.MarathonSimulatorConfig;
import io.mesosevents.simulator.mesos.MesosSimulatorConfig;
import picocli.CommandLine.Option;

/**
 * The shape of a simulated cluster that a Mesos master and a Marathon describe together, shared by
 * {@code simulate all} and {@code demo}: seed, agents, tasks, apps and instances.
 */
public final class SimulatedClusterOptions {

    @Option(names = "--seed", defaultValue = "" + MesosSimulatorConfig.DEFAULT_SEED, description = "Seed of both models (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--agents", defaultValue = "" + MesosSimulatorConfig.DEFAULT_AGENTS, description = "Mesos agents (default: ${DEFAULT-VALUE}).")
    private int agents;

    @Option(names = "--tasks", defaultValue = "" + MesosSimulatorConfig.DEFAULT_TASKS,
            description = "Tasks of the frameworks other than Marathon (default: ${DEFAULT-VALUE}).")
    private int tasks;

    @Option(names = "--apps", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_APPS, description = "Marathon apps (default: ${DEFAULT-VALUE}).")
    private int apps;

    @Option(names = "--instances", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_INSTANCES,
            description = "Instances of each app at start (default: ${DEFAULT-VALUE}).")
    private int instances;

    public long seed() {
        return seed;
    }

    /** The Mesos master of this cluster, on {@code host:port}, making {@code rate} events per second. */
    public MesosSimulatorConfig mesos(String host, int port, double rate, String cluster) {
        return MesosSimulatorConfig.defaults().withHost(host).withPort(port).withSeed(seed).withAgents(agents)
                .withTasks(tasks).withRate(rate).withCluster(cluster);
    }

    /** The Marathon of this cluster, on {@code host:port}, making {@code rate} changes per second. */
    public MarathonSimulatorConfig marathon(String host, int port, double rate) {
        return MarathonSimulatorConfig.defaults().withHost(host).withPort(port).withSeed(seed).withApps(apps)
                .withInstances(instances).withRate(rate);
    }
}
