package io.mesosevents.ingestor.leader;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How one source's replicas elect their active ingestor.
 *
 * @param clientProperties Kafka client properties ({@code bootstrap.servers}, security, …), passed
 *                         through; the election overrides the group settings it depends on
 * @param groupId          the consumer group the replicas of one source join; one group per source
 * @param topic            the single-partition coordination topic, shared by every source;
 *                         {@code <prefix>ingest.leaders} by default, created if missing
 * @param sessionTimeout   how long a silent leader (killed, paused, cut off) keeps leadership before
 *                         another replica gets it; 10 s by default, so a kill -9 is taken over well
 *                         within 30 s. The broker bounds it ({@code group.min.session.timeout.ms},
 *                         6 s by default, to {@code group.max.session.timeout.ms})
 * @param handoverTimeout  how long a leader that gives up leadership waits for its ingestion to stop
 *                         before the next leader may start; 10 s by default
 * @param rejoinBackoff    how long a replica that resigned (or whose group membership failed) waits
 *                         before rejoining, so that the others can take over first; 10 s by default
 */
public record LeaderElectionConfig(
        Map<String, Object> clientProperties,
        String groupId,
        String topic,
        Duration sessionTimeout,
        Duration handoverTimeout,
        Duration rejoinBackoff) {

    public static final String DEFAULT_TOPIC = "ingest.leaders";
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HANDOVER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REJOIN_BACKOFF = Duration.ofSeconds(10);

    public LeaderElectionConfig {
        clientProperties = Map.copyOf(clientProperties);
        requireNonBlank(groupId, "groupId");
        requireNonBlank(topic, "topic");
        requirePositive(sessionTimeout, "sessionTimeout");
        requirePositive(handoverTimeout, "handoverTimeout");
        requirePositive(rejoinBackoff, "rejoinBackoff");
    }

    /**
     * The defaults for one source. The ingestor's transactional id makes a good group id: it already
     * names exactly one source within one deployment, and group ids and transactional ids never collide.
     */
    public static LeaderElectionConfig of(Map<String, Object> clientProperties, String topicPrefix, String groupId) {
        return new LeaderElectionConfig(clientProperties, groupId, topicPrefix + DEFAULT_TOPIC,
                DEFAULT_SESSION_TIMEOUT, DEFAULT_HANDOVER_TIMEOUT, DEFAULT_REJOIN_BACKOFF);
    }

    /** A third of the session timeout, as Kafka advises: two heartbeats may be lost without losing the session. */
    public Duration heartbeatInterval() {
        return sessionTimeout.dividedBy(3);
    }

    /**
     * The poll loop spends at most the handover timeout in a callback, so a longer gap means its thread
     * is stuck; the member then leaves the group rather than keep leadership while doing nothing. In
     * the classic protocol this is also how long a rebalance waits for members to rejoin.
     */
    public Duration maxPollInterval() {
        return sessionTimeout.plus(handoverTimeout);
    }

    private static void requireNonBlank(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
