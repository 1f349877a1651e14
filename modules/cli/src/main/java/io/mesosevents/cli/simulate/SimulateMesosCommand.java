package io.mesosevents.cli.simulate;

import io.mesosevents.cli.Foreground;
import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.simulator.mesos.MasterFrontEnd;
import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import io.mesosevents.simulator.mesos.MesosSimulatorConfig;
import io.mesosevents.simulator.mesos.SimulatedMesosCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code mesos-events simulate mesos}: a Mesos master speaking the Operator API, in the foreground. */
@Command(name = "mesos", mixinStandardHelpOptions = true,
        description = {
                "Runs a simulated Mesos master: POST /api/v1 SUBSCRIBE and GET_STATE in protobuf and JSON, with a seeded cluster",
                "of agents, frameworks and tasks that change at --rate events/s. Faults are switched while running through",
                "POST /simulator/faults (see docs/simulator.md)."
        })
public final class SimulateMesosCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Option(names = "--host", defaultValue = MesosSimulatorConfig.DEFAULT_HOST, description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "" + MesosSimulatorConfig.DEFAULT_PORT, description = "HTTP port; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--seed", defaultValue = "" + MesosSimulatorConfig.DEFAULT_SEED, description = "Seed of the cluster model (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--agents", defaultValue = "" + MesosSimulatorConfig.DEFAULT_AGENTS, description = "Agents at start (default: ${DEFAULT-VALUE}).")
    private int agents;

    @Option(names = "--frameworks", defaultValue = "" + MesosSimulatorConfig.DEFAULT_FRAMEWORKS, description = "Frameworks at start, Marathon among them (default: ${DEFAULT-VALUE}).")
    private int frameworks;

    @Option(names = "--tasks", defaultValue = "" + MesosSimulatorConfig.DEFAULT_TASKS, description = "Tasks at start (default: ${DEFAULT-VALUE}).")
    private int tasks;

    @Option(names = "--rate", defaultValue = "" + MesosSimulatorConfig.DEFAULT_RATE, description = "Events per second (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--heartbeat", defaultValue = "" + MesosSimulatorConfig.DEFAULT_HEARTBEAT_SECONDS,
            description = "Heartbeat interval in seconds (default: ${DEFAULT-VALUE}).")
    private double heartbeatSeconds;

    @Option(names = "--cluster", defaultValue = MesosSimulatorConfig.DEFAULT_CLUSTER,
            description = "The masters' --cluster flag, as GET_FLAGS reports it; empty for none (default: ${DEFAULT-VALUE}).")
    private String cluster;

    @Option(names = "--max-events", description = "Stop changing the cluster after this many events; heartbeats go on (default: no limit).")
    private Long maxEvents;

    @Option(names = "--follow-leader", paramLabel = "HOST:PORT", description = "Start as a non-leading master that redirects (307) to this leader.")
    private String leader;

    @Option(names = "--masters", defaultValue = "1",
            description = "Masters of the one cluster, on --port, --port+1, …; the first leads, the others redirect (307) to it, "
                    + "and POST /simulator/faults {\"action\":\"failover\"} moves the lead (default: ${DEFAULT-VALUE}).")
    private int masters;

    @Override
    public Integer call() throws Exception {
        if (masters < 1) {
            throw new InvalidSettingException("--masters must be at least 1, got " + masters);
        }
        MesosSimulatorConfig config = MesosSimulatorConfig.defaults().withHost(host).withPort(port).withSeed(seed)
                .withAgents(agents).withFrameworks(frameworks).withTasks(tasks).withRate(rate).withHeartbeatIntervalSeconds(heartbeatSeconds)
                .withCluster(cluster);
        if (maxEvents != null) {
            config = config.withMaxEvents(maxEvents);
        }
        if (masters > 1) {
            SimulatedMesosCluster cluster = MesosMasterSimulator.startCluster(config, masters);
            if (leader != null) {
                cluster.close();
                throw new InvalidSettingException("--follow-leader applies to a single master; with --masters the cluster elects its own leader");
            }
            String first = cluster.master(0).url();
            Foreground.runUntilStopped("Mesos simulator", cluster, () -> announce(first,
                    cluster.masters().stream().map(MasterFrontEnd::url).collect(Collectors.joining(","))));
            return 0;
        }
        MesosMasterSimulator master = MesosMasterSimulator.start(config);
        if (leader != null) {
            master.followLeader(leader);
        }
        Foreground.runUntilStopped("Mesos simulator", master, () -> announce(master.url(), master.url()));
        return 0;
    }

    private void announce(String control, String all) {
        PrintWriter out = spec.commandLine().getOut();
        for (String url : all.split(",")) {
            out.println("Simulated Mesos master ready at " + url + "/api/v1 (seed " + seed + ")");
        }
        out.println("  Faults: curl -X POST " + control + "/simulator/faults -d '{\"action\":\"drop\"}'   Status: " + control + "/simulator/status");
        out.println("  Ingest with: --mesos " + all);
        out.flush();
    }
}
