package io.mesosevents.simulator.mesos;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Settings of a {@link MesosMasterSimulator} or a {@link SimulatedMesosCluster}. The cluster model
 * and its event sequence depend only on {@code seed}, {@code agents}, {@code frameworks},
 * {@code tasks}, {@code epoch} and the two retention limits; {@code rate} only paces emission, so
 * the same knobs give the same events whatever the wall clock does. (Once an external scheduler
 * takes Marathon over, they depend on when its calls come too.)
 *
 * @param seed                          seeds every random choice; default {@value #DEFAULT_SEED}
 * @param agents                        agents the cluster keeps (a few start unreachable or
 *                                      recovered); default {@value #DEFAULT_AGENTS}
 * @param frameworks                    registered frameworks, "marathon" first; default
 *                                      {@value #DEFAULT_FRAMEWORKS}
 * @param tasks                         live (non-terminal) tasks at start and the population the
 *                                      model steers towards; default {@value #DEFAULT_TASKS}
 * @param rate                          events per second; default {@value #DEFAULT_RATE}
 * @param heartbeatIntervalSeconds      announced in {@code SUBSCRIBED} and used to pace
 *                                      {@code HEARTBEAT}s; default {@value #DEFAULT_HEARTBEAT_SECONDS}
 *                                      as on real masters
 * @param maxEvents                     stop generating after this many events (heartbeats go on),
 *                                      so that tests can compare a quiescent truth; empty (the
 *                                      default) generates for ever
 * @param host                          address to listen on; default {@value #DEFAULT_HOST}
 * @param port                          port to listen on, 0 for any free one; default
 *                                      {@value #DEFAULT_PORT}, the Mesos master's (master
 *                                      {@code i} of a cluster listens on this port plus {@code i})
 * @param epoch                         simulated time when the master starts: timestamps in events
 *                                      advance from here by simulated, not wall-clock, time;
 *                                      default {@link #DEFAULT_EPOCH}
 * @param maxCompletedTasksPerFramework completed tasks kept per framework before the oldest are
 *                                      silently forgotten, as the master's
 *                                      {@code --max_completed_tasks_per_framework}; default
 *                                      {@value #DEFAULT_MAX_COMPLETED_TASKS_PER_FRAMEWORK}
 * @param maxCompletedFrameworks        completed frameworks kept, as the master's
 *                                      {@code --max_completed_frameworks}; default
 *                                      {@value #DEFAULT_MAX_COMPLETED_FRAMEWORKS}
 * @param subscriberQueueLimit          events buffered for one subscriber that reads too slowly
 *                                      (or during a stall) before it is disconnected; default
 *                                      {@value #DEFAULT_SUBSCRIBER_QUEUE_LIMIT}
 * @param cluster                       the master's {@code --cluster} flag, as {@code GET_FLAGS}
 *                                      reports it; empty for a master started without it; default
 *                                      {@value #DEFAULT_CLUSTER}
 */
public record MesosSimulatorConfig(
        long seed,
        int agents,
        int frameworks,
        int tasks,
        double rate,
        double heartbeatIntervalSeconds,
        OptionalLong maxEvents,
        String host,
        int port,
        Instant epoch,
        int maxCompletedTasksPerFramework,
        int maxCompletedFrameworks,
        int subscriberQueueLimit,
        String cluster) {

    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_AGENTS = 20;
    public static final int DEFAULT_FRAMEWORKS = 3;
    public static final int DEFAULT_TASKS = 200;
    public static final double DEFAULT_RATE = 20;
    public static final double DEFAULT_HEARTBEAT_SECONDS = 15;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5050;
    public static final Instant DEFAULT_EPOCH = Instant.parse("2025-01-01T00:00:00Z");
    public static final int DEFAULT_MAX_COMPLETED_TASKS_PER_FRAMEWORK = 1000;
    public static final int DEFAULT_MAX_COMPLETED_FRAMEWORKS = 50;
    public static final int DEFAULT_SUBSCRIBER_QUEUE_LIMIT = 100_000;
    public static final String DEFAULT_CLUSTER = "simulated";

    public MesosSimulatorConfig {
        Objects.requireNonNull(maxEvents, "maxEvents");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(cluster, "cluster");
        requireAtLeast("agents", agents, 1);
        requireAtLeast("frameworks", frameworks, 1);
        requireAtLeast("tasks", tasks, 0);
        requireAtLeast("maxCompletedTasksPerFramework", maxCompletedTasksPerFramework, 1);
        requireAtLeast("maxCompletedFrameworks", maxCompletedFrameworks, 1);
        requireAtLeast("subscriberQueueLimit", subscriberQueueLimit, 1);
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a positive number of events per second, was " + rate);
        }
        if (!(heartbeatIntervalSeconds > 0) || Double.isInfinite(heartbeatIntervalSeconds)) {
            throw new IllegalArgumentException("heartbeatIntervalSeconds must be positive, was " + heartbeatIntervalSeconds);
        }
        if (maxEvents.isPresent() && maxEvents.getAsLong() < 0) {
            throw new IllegalArgumentException("maxEvents must not be negative, was " + maxEvents.getAsLong());
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
    }

    /** Every setting at its default. */
    public static MesosSimulatorConfig defaults() {
        return new MesosSimulatorConfig(DEFAULT_SEED, DEFAULT_AGENTS, DEFAULT_FRAMEWORKS, DEFAULT_TASKS, DEFAULT_RATE,
                DEFAULT_HEARTBEAT_SECONDS, OptionalLong.empty(), DEFAULT_HOST, DEFAULT_PORT, DEFAULT_EPOCH,
                DEFAULT_MAX_COMPLETED_TASKS_PER_FRAMEWORK, DEFAULT_MAX_COMPLETED_FRAMEWORKS,
                DEFAULT_SUBSCRIBER_QUEUE_LIMIT, DEFAULT_CLUSTER);
    }

    public MesosSimulatorConfig withSeed(long value) {
        return new MesosSimulatorConfig(value, agents, frameworks, tasks, rate, heartbeatIntervalSeconds, maxEvents,
                host, port, epoch, maxCompletedTasksPerFramework, maxCompletedFrameworks, subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withAgents(int value) {
        return new MesosSimulatorConfig(seed, value, frameworks, tasks, rate, heartbeatIntervalSeconds, maxEvents,
                host, port, epoch, maxCompletedTasksPerFramework, maxCompletedFrameworks, subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withFrameworks(int value) {
        return new MesosSimulatorConfig(seed, agents, value, tasks, rate, heartbeatIntervalSeconds, maxEvents,
                host, port, epoch, maxCompletedTasksPerFramework, maxCompletedFrameworks, subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withTasks(int value) {
        return new MesosSimulatorConfig(seed, agents, frameworks, value, rate, heartbeatIntervalSeconds, maxEvents,
                host, port, epoch, maxCompletedTasksPerFramework, maxCompletedFrameworks, subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withRate(double value) {
        return new MesosSimulatorConfig(seed, agents, frameworks, tasks, value, heartbeatIntervalSeconds, maxEvents,
                host, port, epoch, maxCompletedTasksPerFramework, maxCompletedFrameworks, subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withHeartbeatIntervalSeconds(double value) {
        return new MesosSimulatorConfig(seed, agents, frameworks, tasks, rate, value, maxEvents,
                host, port, epoch, maxCompletedTasksPerFramework, maxCompletedFrameworks, subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withMaxEvents(long value) {
        return new MesosSimulatorConfig(seed, agents, frameworks, tasks, rate, heartbeatIntervalSeconds,
                OptionalLong.of(value), host, port, epoch, maxCompletedTasksPerFramework, maxCompletedFrameworks,
                subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withHost(String value) {
        return new MesosSimulatorConfig(seed, agents, frameworks, tasks, rate, heartbeatIntervalSeconds, maxEvents,
                value, port, epoch, maxCompletedTasksPerFramework, maxCompletedFrameworks, subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withPort(int value) {
        return new MesosSimulatorConfig(seed, agents, frameworks, tasks, rate, heartbeatIntervalSeconds, maxEvents,
                host, value, epoch, maxCompletedTasksPerFramework, maxCompletedFrameworks, subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withEpoch(Instant value) {
        return new MesosSimulatorConfig(seed, agents, frameworks, tasks, rate, heartbeatIntervalSeconds, maxEvents,
                host, port, value, maxCompletedTasksPerFramework, maxCompletedFrameworks, subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withMaxCompletedTasksPerFramework(int value) {
        return new MesosSimulatorConfig(seed, agents, frameworks, tasks, rate, heartbeatIntervalSeconds, maxEvents,
                host, port, epoch, value, maxCompletedFrameworks, subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withMaxCompletedFrameworks(int value) {
        return new MesosSimulatorConfig(seed, agents, frameworks, tasks, rate, heartbeatIntervalSeconds, maxEvents,
                host, port, epoch, maxCompletedTasksPerFramework, value, subscriberQueueLimit, cluster);
    }

    public MesosSimulatorConfig withSubscriberQueueLimit(int value) {
        return new MesosSimulatorConfig(seed, agents, frameworks, tasks, rate, heartbeatIntervalSeconds, maxEvents,
                host, port, epoch, maxCompletedTasksPerFramework, maxCompletedFrameworks, value, cluster);
    }

    public MesosSimulatorConfig withCluster(String value) {
        return new MesosSimulatorConfig(seed, agents, frameworks, tasks, rate, heartbeatIntervalSeconds, maxEvents,
                host, port, epoch, maxCompletedTasksPerFramework, maxCompletedFrameworks, subscriberQueueLimit, value);
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
    }
}
