package io.mesosevents.bench;

import io.mesosevents.model.mesos.TaskState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The cluster a generated history is about: Mesos agents, Marathon apps in a few groups, and the
 * tasks as they come and go. Ids have the forms real clusters use: agent ids
 * {@code <uuid>-S<n>}, app ids {@code /<group>/<name>}, Marathon task ids
 * {@code <group>_<name>.instance-<uuid>._app.1}. Deterministic by the {@link Random} it is given.
 */
final class ViewsCluster {

    static final String CLUSTER = "bench";
    private static final List<String> GROUPS = List.of("prod", "staging", "batch", "ops");

    record Agent(String id, String hostname, String ip) {
    }

    /** A Marathon app; {@code version} is its definition's version, as Marathon stamps it. */
    record MarathonApp(String id, String version, int instances) {

        /** The app id as Marathon puts it in front of its task ids: {@code /prod/web} → {@code prod_web}. */
        String taskIdPrefix() {
            return id.substring(1).replace('/', '_');
        }

        /** The Mesos task name Marathon gives the app's tasks: {@code /prod/web} → {@code web.prod}. */
        String taskName() {
            List<String> segments = new ArrayList<>(List.of(id.substring(1).split("/")));
            Collections.reverse(segments);
            return String.join(".", segments);
        }
    }

    /** A task of a Marathon app, placed on an agent with two host ports; its state and health change over time. */
    static final class Task {
        private final String id;
        private final MarathonApp app;
        private final Agent agent;
        private final List<Integer> ports;
        TaskState state = TaskState.TASK_STAGING;
        boolean healthy;

        Task(String id, MarathonApp app, Agent agent, List<Integer> ports) {
            this.id = id;
            this.app = app;
            this.agent = agent;
            this.ports = List.copyOf(ports);
        }

        String id() {
            return id;
        }

        MarathonApp app() {
            return app;
        }

        Agent agent() {
            return agent;
        }

        List<Integer> ports() {
            return ports;
        }

        /** The key the ingestor writes the task's Mesos events under. */
        String key() {
            return CLUSTER + "/" + id;
        }
    }

    private final Random random;
    private final String frameworkId;
    private final List<Agent> agents = new ArrayList<>();
    private final List<MarathonApp> apps = new ArrayList<>();

    ViewsCluster(Random random, int agentCount, int appCount, int taskCount, String appVersion) {
        this.random = random;
        this.frameworkId = uuid() + "-0000";
        for (int i = 0; i < agentCount; i++) {
            agents.add(new Agent(uuid() + "-S" + i, "agent-" + i + ".bench.internal", "10.0." + (i / 250) + "." + (i % 250 + 1)));
        }
        for (int i = 0; i < appCount; i++) {
            int instances = taskCount / appCount + (i < taskCount % appCount ? 1 : 0);
            apps.add(new MarathonApp("/" + GROUPS.get(i % GROUPS.size()) + "/svc-" + String.format("%03d", i), appVersion, instances));
        }
    }

    String frameworkId() {
        return frameworkId;
    }

    List<Agent> agents() {
        return agents;
    }

    List<MarathonApp> apps() {
        return apps;
    }

    /** A new task of {@code app} on a random agent, staging. */
    Task launch(MarathonApp app) {
        String id = app.taskIdPrefix() + ".instance-" + uuid() + "._app.1";
        int firstPort = 31_000 + random.nextInt(999);
        return new Task(id, app, agents.get(random.nextInt(agents.size())), List.of(firstPort, firstPort + 1));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
