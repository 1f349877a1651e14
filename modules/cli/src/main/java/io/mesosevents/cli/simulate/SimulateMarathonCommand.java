package io.mesosevents.cli.simulate;

import io.mesosevents.cli.Foreground;
import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.simulator.marathon.MarathonSimulator;
import io.mesosevents.simulator.marathon.MarathonSimulatorConfig;
import io.mesosevents.simulator.marathon.MesosSimulatorBackend;
import io.mesosevents.simulator.marathon.StreamQuirk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code mesos-events simulate marathon}: a Marathon serving its event bus and REST reads, in the foreground. */
@Command(name = "marathon", mixinStandardHelpOptions = true,
        description = {
                "Runs a simulated Marathon: GET /v2/events (server-sent events), legacy callbacks through "
                        + "/v2/eventSubscriptions, and /v2/apps, /v2/deployments, /v2/pods, /v2/queue, /v2/leader and "
                        + "/v2/info, over a seeded model of apps, groups, deployments, health checks and pods that changes "
                        + "at --rate events/s, its tasks on a Mesos of its own or, with --mesos, on a running Mesos master simulator.",
                "Faults are switched while running through POST /simulator/faults, e.g. {\"action\":\"drop\"}, "
                        + "{\"action\":\"slow-consumer\"}, {\"leadership\":\"standby\",\"leader\":\"host:port\"}, "
                        + "{\"leadership\":\"no-leader\",\"regainAfterMillis\":5000} or {\"quirks\":\"real\"}; "
                        + "GET /simulator/status reports what it is doing."
        })
public final class SimulateMarathonCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Option(names = "--host", defaultValue = MarathonSimulatorConfig.DEFAULT_HOST, description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_PORT, description = "HTTP port; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--seed", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_SEED, description = "Seed of the model (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--apps", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_APPS,
            description = "Apps at start, and the number the model keeps near (default: ${DEFAULT-VALUE}).")
    private int apps;

    @Option(names = "--groups", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_GROUPS, description = "Groups the apps start in (default: ${DEFAULT-VALUE}).")
    private int groups;

    @Option(names = "--instances", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_INSTANCES, description = "Instances of each app at start (default: ${DEFAULT-VALUE}).")
    private int instances;

    @Option(names = "--pods", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_PODS, description = "Pods at start (default: ${DEFAULT-VALUE}).")
    private int pods;

    @Option(names = "--rate", defaultValue = "" + MarathonSimulatorConfig.DEFAULT_RATE, description = "Events per second (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--max-events", description = "Stop changing anything after this many events; keep-alives go on (default: no limit).")
    private Long maxEvents;

    @Option(names = "--standby", paramLabel = "HOST:PORT", description = "Start as a standby whose /v2/events redirects (302) to this leader.")
    private String leader;

    @Option(names = "--quirks", paramLabel = "QUIRK", split = ",",
            description = "Stream quirks to start with: real (those of real Marathons), all, or any of "
                    + "two-objects-crlf, crlf-line-endings, missing-event-line, blank-line-after-event, invalid-json, "
                    + "oversized-frame (default: none).")
    private Set<String> quirks;

    @Option(names = "--mesos", paramLabel = "URL",
            description = "Run Marathon's tasks on this running Mesos master simulator (simulate mesos), so both describe one cluster: "
                    + "Marathon takes over the simulated marathon framework (default: a Mesos of its own).")
    private URI mesos;

    @Override
    public Integer call() throws Exception {
        Set<StreamQuirk> startQuirks = quirks();
        if (leader != null && (leader.isBlank() || leader.contains("/") || !leader.contains(":"))) {
            throw new InvalidSettingException("--standby takes the leader as HOST:PORT, got '" + leader + "'");
        }
        MarathonSimulatorConfig config = MarathonSimulatorConfig.defaults().withHost(host).withPort(port).withSeed(seed)
                .withApps(apps).withGroups(groups).withInstances(instances).withPods(pods).withRate(rate);
        if (maxEvents != null) {
            config = config.withMaxEvents(maxEvents);
        }
        MarathonSimulator marathon = mesos == null ? MarathonSimulator.start(config)
                : MarathonSimulator.start(config, MesosSimulatorBackend.connect(mesos));
        marathon.setQuirks(startQuirks);
        if (leader != null) {
            marathon.standby(leader);
        }
        Foreground.runUntilStopped("Marathon simulator", marathon, () -> announce(marathon.url()));
        return 0;
    }

    private Set<StreamQuirk> quirks() {
        Set<StreamQuirk> chosen = EnumSet.noneOf(StreamQuirk.class);
        if (quirks == null) {
            return chosen;
        }
        for (String name : quirks) {
            switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "real" -> chosen.addAll(StreamQuirk.real());
                case "all" -> chosen.addAll(EnumSet.allOf(StreamQuirk.class));
                default -> {
                    try {
                        chosen.add(StreamQuirk.of(name.trim()));
                    } catch (IllegalArgumentException e) {
                        throw new InvalidSettingException("--quirks: " + e.getMessage());
                    }
                }
            }
        }
        return chosen;
    }

    private void announce(String url) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Simulated Marathon ready at " + url + " (seed " + seed + "); events at " + url + "/v2/events");
        out.println("  Faults: curl -X POST " + url + "/simulator/faults -d '{\"action\":\"drop\"}'   Status: " + url + "/simulator/status");
        out.println("  Ingest with: --marathon " + url);
        out.flush();
    }
}
