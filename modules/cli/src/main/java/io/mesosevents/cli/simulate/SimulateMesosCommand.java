package io.mesosevents.cli.simulate;

import io.mesosevents.cli.Foreground;
import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import io.mesosevents.simulator.mesos.MesosSimulatorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code mesos-events simulate mesos}: a Mesos master speaking the Operator API, in the foreground. */
@Command(name = "mesos", mixinStandardHelpOptions = true,
        description = {
                "Runs a simulated Mesos master: POST /api/v1 SUBSCRIBE and GET_STATE in protobuf and JSON, with a seeded cluster",
                "of agents, frameworks and tasks that change at --rate events/s. Faults are switched while running through",
                "POST /simulator/faults (see README)."
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

    @Option(names = "--max-events", description = "Stop changing the cluster after this many events; heartbeats go on (default: no limit).")
    private Long maxEvents;

    @Option(names = "--follow-leader", paramLabel = "HOST:PORT", description = "Start as a non-leading master that redirects (307) to this leader.")
    private String leader;

    @Override
    public Integer call() throws Exception {
        MesosSimulatorConfig config = MesosSimulatorConfig.defaults().withHost(host).withPort(port).withSeed(seed)
                .withAgents(agents).withFrameworks(frameworks).withTasks(tasks).withRate(rate).withHeartbeatIntervalSeconds(heartbeatSeconds);
        if (maxEvents != null) {
            config = config.withMaxEvents(maxEvents);
        }
        MesosMasterSimulator master = MesosMasterSimulator.start(config);
        if (leader != null) {
            master.followLeader(leader);
        }
        Foreground.runUntilStopped("Mesos simulator", master, () -> {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Simulated Mesos master ready at " + master.url() + "/api/v1 (seed " + seed + ")");
            out.println("  Faults: curl -X POST " + master.url() + "/simulator/faults -d '{\"action\":\"drop\"}'   Status: " + master.url() + "/simulator/status");
            out.flush();
        });
        return 0;
    }
}
