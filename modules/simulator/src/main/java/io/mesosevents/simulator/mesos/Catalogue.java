package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.Protos.HealthCheck;

import java.util.ArrayList;
import java.util.List;

/** The names a simulated cluster is made of: Marathon's apps, the other frameworks, hosts. */
final class Catalogue {

    static final String MARATHON = "marathon";

    private static final List<String> ENVIRONMENTS = List.of("prod", "staging", "dev");
    private static final List<String> TEAMS = List.of("payments", "search", "web", "data", "identity", "ads", "infra", "mobile");
    private static final List<String> SERVICES = List.of("api", "worker", "frontend", "cache", "ingest", "scheduler",
            "gateway", "indexer", "notifier", "auth");
    private static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

    /** Marathon's HTTP health check as Mesos runs it; shared by every checked task. */
    static final HealthCheck HTTP_HEALTH_CHECK = HealthCheck.newBuilder()
            .setType(HealthCheck.Type.HTTP)
            .setHttp(HealthCheck.HTTPCheckInfo.newBuilder().setPort(8080).setPath("/health"))
            .setDelaySeconds(15).setIntervalSeconds(10).setTimeoutSeconds(20).setConsecutiveFailures(3)
            .setGracePeriodSeconds(300)
            .build();

    private static final List<FrameworkKind> OTHERS = List.of(
            kind("metronome", "root", true, true, command("backup-db", "backup-db_"), command("report-daily", "report-daily_")),
            kind("spark", "spark", false, false, custom("spark-driver"), custom("spark-executor")),
            kind("kafka", "kafka", true, true, custom("kafka-broker")),
            kind("jenkins", "jenkins", false, false, command("jenkins-agent", "jenkins-agent-")),
            kind("cassandra", "cassandra", false, false, custom("cassandra-node")),
            kind("flink", "flink", true, true, command("flink-taskmanager", "flink-taskmanager-")),
            kind("chronos", "root", false, false, command("chronos-job", "ct-")));

    private Catalogue() {
    }

    /** Marathon with {@code apps} apps, every other one health-checked. */
    static FrameworkKind marathon(int apps) {
        List<Workload> workloads = new ArrayList<>(apps);
        for (int i = 0; i < apps; i++) {
            String service = SERVICES.get(i % SERVICES.size());
            String team = TEAMS.get(i / SERVICES.size() % TEAMS.size());
            String environment = ENVIRONMENTS.get(i / (SERVICES.size() * TEAMS.size()) % ENVIRONMENTS.size());
            int round = i / (SERVICES.size() * TEAMS.size() * ENVIRONMENTS.size());
            String app = round == 0 ? service : service + "-" + round;
            // Marathon names tasks by the reversed app path and prefixes ids with its path joined by '_'.
            workloads.add(new Workload(app + "." + team + "." + environment,
                    environment + "_" + team + "_" + app + ".instance-", "._app.1",
                    i % 2 == 0 ? HTTP_HEALTH_CHECK : null, false));
        }
        return new FrameworkKind(MARATHON, "root", true, true, workloads);
    }

    /** The {@code n}th framework other than Marathon (0-based), reusing names as real clusters do. */
    static FrameworkKind other(int n) {
        FrameworkKind kind = OTHERS.get(n % OTHERS.size());
        int round = n / OTHERS.size();
        return round == 0 ? kind : new FrameworkKind(kind.name() + "-" + round, kind.user(), kind.partitionAware(),
                kind.killingState(), kind.workloads());
    }

    /** Agents are numbered from 0; the address and host name follow from the number. */
    static String agentIp(int number) {
        int n = number + 1;
        return "10." + ((n >> 16) & 0xFF) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
    }

    static String agentHostname(int number) {
        return "ip-" + agentIp(number).replace('.', '-') + ".ec2.internal";
    }

    static String agentZone(int number) {
        return ZONES.get(number % ZONES.size());
    }

    static String agentRack(int number) {
        return String.format("rack-%03d", number / 40);
    }

    private static FrameworkKind kind(String name, String user, boolean partitionAware, boolean killingState,
                                      Workload... workloads) {
        return new FrameworkKind(name, user, partitionAware, killingState, List.of(workloads));
    }

    private static Workload command(String name, String idPrefix) {
        return new Workload(name, idPrefix, "", null, false);
    }

    private static Workload custom(String name) {
        return new Workload(name, name + ".", "", null, true);
    }
}
