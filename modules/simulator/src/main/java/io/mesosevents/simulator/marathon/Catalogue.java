package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Names and definitions of the apps, groups and pods the model makes, drawn from the model's random source. */
final class Catalogue {

    private static final List<String> GROUPS = List.of("/prod", "/staging", "/dev", "/infra", "/data",
            "/prod/payments", "/ml", "/batch");
    private static final List<String> APP_NAMES = List.of("web", "api", "worker", "cache", "gateway", "auth",
            "search", "billing", "scheduler", "ingest", "metrics", "frontend", "notifier", "reports", "images");
    private static final List<String> POD_NAMES = List.of("db", "broker", "etl", "proxy", "sidecars");
    private static final List<String> TEAMS = List.of("core", "growth", "platform", "data");
    private static final List<UpgradeStrategy> STRATEGIES = List.of(new UpgradeStrategy(1, 1),
            new UpgradeStrategy(1, 0), new UpgradeStrategy(0.5, 0), new UpgradeStrategy(0.75, 0.25),
            new UpgradeStrategy(0, 0));
    private static final double[] CPUS = {0.1, 0.25, 0.5, 1};
    private static final int[] MEMS = {128, 256, 512, 1024};

    private final SimRandom random;

    Catalogue(SimRandom random) {
        this.random = random;
    }

    /** The first {@code count} group ids, as many as there are names, then {@code /team-<n>}. */
    static List<String> groups(int count) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            groups.add(i < GROUPS.size() ? GROUPS.get(i) : "/team-" + (i - GROUPS.size() + 1));
        }
        return groups;
    }

    /** An id in {@code group} that none of {@code taken} has. */
    String appId(String group, Set<String> taken) {
        String name = random.pick(APP_NAMES);
        String id = group + "/" + name;
        for (int n = 2; taken.contains(id); n++) {
            id = group + "/" + name + "-" + n;
        }
        return id;
    }

    String podId(String group, Set<String> taken) {
        String name = random.pick(POD_NAMES);
        String id = group + "/" + name;
        for (int n = 2; taken.contains(id); n++) {
            id = group + "/" + name + "-" + n;
        }
        return id;
    }

    AppDefinition newApp(String id, int instances, Instant version, MarathonState state) {
        int portCount = random.chance(0.3) ? 2 : 1;
        List<String> portNames = portCount == 1 ? List.of("http") : List.of("http", "admin");
        List<Integer> servicePorts = new ArrayList<>();
        for (int i = 0; i < portCount; i++) {
            servicePorts.add(state.nextServicePort++);
        }
        SortedMap<String, String> labels = new TreeMap<>();
        labels.put("team", random.pick(TEAMS));
        labels.put("release", "1");
        if (random.chance(0.4)) {
            labels.put("HAPROXY_GROUP", "external");
        }
        String name = id.substring(id.lastIndexOf('/') + 1);
        return new AppDefinition(id, command(name, 1), CPUS[random.between(0, CPUS.length)],
                MEMS[random.between(0, MEMS.length)], 0, instances, version, version, version, labels, portNames,
                servicePorts, random.chance(0.65) ? List.of(healthCheck()) : List.of(),
                random.pick(STRATEGIES), random.chance(0.7) ? 1 : 5, random.chance(0.7) ? 1.15 : 2, 300,
                random.chance(0.5) ? 5 : 10, random.chance(0.5) ? 60 : 300);
    }

    /** A new release of the app; now and then its memory or its health checks change too. */
    AppDefinition reconfigured(AppDefinition app, Instant at) {
        SortedMap<String, String> labels = app.labels();
        int release = Integer.parseInt(labels.getOrDefault("release", "1")) + 1;
        labels.put("release", String.valueOf(release));
        double mem = random.chance(0.2) ? MEMS[random.between(0, MEMS.length)] : app.mem();
        List<HealthCheckDefinition> checks = app.healthChecks();
        if (random.chance(0.15)) {
            checks = checks.isEmpty() ? List.of(healthCheck()) : List.of();
        }
        String name = app.id().substring(app.id().lastIndexOf('/') + 1);
        return app.reconfigured(command(name, release), mem, labels, checks, at);
    }

    PodDefinition newPod(String id, Instant version) {
        String name = id.substring(id.lastIndexOf('/') + 1);
        return new PodDefinition(id, version, random.between(1, 3), name, "./bin/" + name + " --foreground",
                CPUS[random.between(0, CPUS.length)], MEMS[random.between(0, MEMS.length)]);
    }

    PodDefinition updated(PodDefinition pod, Instant at) {
        return pod.updated(MEMS[random.between(0, MEMS.length)], random.between(1, 4), at);
    }

    /** The address of an operator or a CI job calling the REST API. */
    String clientIp() {
        return "10.0.8." + random.between(2, 60);
    }

    /** A made-up client of the event bus: a load balancer bridge, a dashboard. */
    String listenerIp() {
        return "10.0.9." + random.between(2, 250);
    }

    String callbackUrl(String ip) {
        return "http://" + ip + ":" + random.pick(List.of(8000, 8080, 9090)) + "/marathon/events";
    }

    private static String command(String name, int release) {
        return "./bin/" + name + " --port $PORT0 --release " + release;
    }

    private HealthCheckDefinition healthCheck() {
        double r = random.nextDouble();
        String protocol = r < 0.5 ? "MESOS_HTTP" : r < 0.8 ? "HTTP" : "TCP";
        return new HealthCheckDefinition(protocol, protocol.equals("TCP") ? null : "/health", 0,
                random.pick(List.of(60, 120, 300)), random.pick(List.of(10, 15, 30)), random.pick(List.of(5, 10, 20)),
                3, 15);
    }
}
