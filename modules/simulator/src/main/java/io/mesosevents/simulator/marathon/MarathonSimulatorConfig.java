package io.mesosevents.simulator.marathon;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Settings of a {@link MarathonSimulator}. With the in-process Mesos, the model and its event
 * sequence depend only on {@code seed}, {@code apps}, {@code groups}, {@code instances},
 * {@code pods} and {@code epoch}; {@code rate} only paces emission, so the same knobs give the same
 * events whatever the wall clock does.
 *
 * @param seed                seeds every random choice; default {@value #DEFAULT_SEED}
 * @param apps                apps at start, spread over the groups, and the number the model keeps
 *                            near as apps are created and destroyed; default {@value #DEFAULT_APPS}
 * @param groups              groups the apps start in ({@code /prod}, {@code /staging}, …, one of
 *                            them nested); default {@value #DEFAULT_GROUPS}
 * @param instances           instances of each app at start; default {@value #DEFAULT_INSTANCES}
 * @param pods                pods at start and the number the model keeps near; default {@value #DEFAULT_PODS}
 * @param rate                events per second; default {@value #DEFAULT_RATE}
 * @param maxEvents           stop changing anything after this many events (keep-alives go on), so
 *                            that tests can compare a quiescent truth; empty (the default) never stops
 * @param host                address to listen on; default {@value #DEFAULT_HOST}
 * @param port                port to listen on, 0 for any free one; default {@value #DEFAULT_PORT}, Marathon's
 * @param epoch               simulated time when the simulator starts: timestamps and versions
 *                            advance from here by simulated, not wall-clock, time; default {@link #DEFAULT_EPOCH}
 * @param keepAliveInterval   how long a stream may stay idle before a keep-alive newline is sent;
 *                            default {@link #DEFAULT_KEEP_ALIVE}
 * @param slowConsumerLimit   events queued for one {@code /v2/events} client (or callback) that
 *                            reads too slowly before it is disconnected (callbacks: events dropped);
 *                            default {@value #DEFAULT_SLOW_CONSUMER_LIMIT}
 * @param marathonVersion     the version {@code /v2/info} reports; default {@value #DEFAULT_MARATHON_VERSION}
 * @param leader              the {@code host:port} {@code /v2/leader} names while this Marathon
 *                            leads; empty (the default) for its own address
 */
public record MarathonSimulatorConfig(
        long seed,
        int apps,
        int groups,
        int instances,
        int pods,
        double rate,
        OptionalLong maxEvents,
        String host,
        int port,
        Instant epoch,
        Duration keepAliveInterval,
        int slowConsumerLimit,
        String marathonVersion,
        String leader) {

    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_APPS = 12;
    public static final int DEFAULT_GROUPS = 4;
    public static final int DEFAULT_INSTANCES = 3;
    public static final int DEFAULT_PODS = 3;
    public static final double DEFAULT_RATE = 20;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Instant DEFAULT_EPOCH = Instant.parse("2025-01-01T00:00:00Z");
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);
    public static final int DEFAULT_SLOW_CONSUMER_LIMIT = 1024;
    public static final String DEFAULT_MARATHON_VERSION = "1.11.24";

    public MarathonSimulatorConfig {
        Objects.requireNonNull(maxEvents, "maxEvents");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(marathonVersion, "marathonVersion");
        Objects.requireNonNull(leader, "leader");
        requireAtLeast("apps", apps, 0);
        requireAtLeast("groups", groups, 1);
        requireAtLeast("instances", instances, 0);
        requireAtLeast("pods", pods, 0);
        requireAtLeast("slowConsumerLimit", slowConsumerLimit, 1);
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a positive number of events per second, was " + rate);
        }
        if (maxEvents.isPresent() && maxEvents.getAsLong() < 0) {
            throw new IllegalArgumentException("maxEvents must not be negative, was " + maxEvents.getAsLong());
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        if (keepAliveInterval.isNegative() || keepAliveInterval.isZero()) {
            throw new IllegalArgumentException("keepAliveInterval must be positive, was " + keepAliveInterval);
        }
        if (!leader.isEmpty() && (leader.contains("/") || !leader.contains(":"))) {
            throw new IllegalArgumentException("leader must be host:port, was '" + leader + "'");
        }
    }

    /** Every setting at its default. */
    public static MarathonSimulatorConfig defaults() {
        return new MarathonSimulatorConfig(DEFAULT_SEED, DEFAULT_APPS, DEFAULT_GROUPS, DEFAULT_INSTANCES, DEFAULT_PODS,
                DEFAULT_RATE, OptionalLong.empty(), DEFAULT_HOST, DEFAULT_PORT, DEFAULT_EPOCH, DEFAULT_KEEP_ALIVE,
                DEFAULT_SLOW_CONSUMER_LIMIT, DEFAULT_MARATHON_VERSION, "");
    }

    public MarathonSimulatorConfig withSeed(long value) {
        return new MarathonSimulatorConfig(value, apps, groups, instances, pods, rate, maxEvents, host, port, epoch,
                keepAliveInterval, slowConsumerLimit, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withApps(int value) {
        return new MarathonSimulatorConfig(seed, value, groups, instances, pods, rate, maxEvents, host, port, epoch,
                keepAliveInterval, slowConsumerLimit, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withGroups(int value) {
        return new MarathonSimulatorConfig(seed, apps, value, instances, pods, rate, maxEvents, host, port, epoch,
                keepAliveInterval, slowConsumerLimit, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withInstances(int value) {
        return new MarathonSimulatorConfig(seed, apps, groups, value, pods, rate, maxEvents, host, port, epoch,
                keepAliveInterval, slowConsumerLimit, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withPods(int value) {
        return new MarathonSimulatorConfig(seed, apps, groups, instances, value, rate, maxEvents, host, port, epoch,
                keepAliveInterval, slowConsumerLimit, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withRate(double value) {
        return new MarathonSimulatorConfig(seed, apps, groups, instances, pods, value, maxEvents, host, port, epoch,
                keepAliveInterval, slowConsumerLimit, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withMaxEvents(long value) {
        return new MarathonSimulatorConfig(seed, apps, groups, instances, pods, rate, OptionalLong.of(value), host, port,
                epoch, keepAliveInterval, slowConsumerLimit, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withHost(String value) {
        return new MarathonSimulatorConfig(seed, apps, groups, instances, pods, rate, maxEvents, value, port, epoch,
                keepAliveInterval, slowConsumerLimit, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withPort(int value) {
        return new MarathonSimulatorConfig(seed, apps, groups, instances, pods, rate, maxEvents, host, value, epoch,
                keepAliveInterval, slowConsumerLimit, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withEpoch(Instant value) {
        return new MarathonSimulatorConfig(seed, apps, groups, instances, pods, rate, maxEvents, host, port, value,
                keepAliveInterval, slowConsumerLimit, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withKeepAliveInterval(Duration value) {
        return new MarathonSimulatorConfig(seed, apps, groups, instances, pods, rate, maxEvents, host, port, epoch,
                value, slowConsumerLimit, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withSlowConsumerLimit(int value) {
        return new MarathonSimulatorConfig(seed, apps, groups, instances, pods, rate, maxEvents, host, port, epoch,
                keepAliveInterval, value, marathonVersion, leader);
    }

    public MarathonSimulatorConfig withMarathonVersion(String value) {
        return new MarathonSimulatorConfig(seed, apps, groups, instances, pods, rate, maxEvents, host, port, epoch,
                keepAliveInterval, slowConsumerLimit, value, leader);
    }

    public MarathonSimulatorConfig withLeader(String value) {
        return new MarathonSimulatorConfig(seed, apps, groups, instances, pods, rate, maxEvents, host, port, epoch,
                keepAliveInterval, slowConsumerLimit, marathonVersion, value);
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
    }
}
