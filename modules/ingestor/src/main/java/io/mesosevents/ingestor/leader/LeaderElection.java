package io.mesosevents.ingestor.leader;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Makes exactly one of several replicas of a source's ingestor the active one, with Kafka group
 * membership instead of a lock of our own.
 *
 * <p>Every replica joins the consumer group {@link LeaderElectionConfig#groupId()}, subscribed to
 * the coordination topic; the member the group assigns partition 0 leads. Nothing is read or
 * written there: the partition is only something for the group to hand to one member. A replica
 * that closes leaves the group and the partition moves at once; one that dies (kill -9, lost host,
 * long pause) stops heartbeating and the coordinator moves the partition after the session timeout.
 *
 * <p>Membership decides who <em>should</em> write; it cannot stop an old leader that has not yet
 * noticed it was replaced (a paused JVM, a host cut off from the coordinator) from trying. That is
 * the job of the transactional id every replica of a source shares: the new leader's
 * {@code initTransactions()} bumps the producer epoch and aborts what the old one left open, so
 * every later send or commit of the old producer fails as fenced. Together: at most one replica's
 * transactions commit at any time, and after a crash another replica writes within the session timeout.
 *
 * <p>The consumer runs on a thread of its own that does nothing but poll, so the member stays in the
 * group; the listener runs on another, so starting an ingestion (loading state, a snapshot) never
 * holds up the poll loop. The only wait inside a rebalance callback is for {@link LeadershipListener#revoked()},
 * bounded by the handover timeout, so that a clean handover stops the old writer before the new one starts.
 */
public final class LeaderElection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);
    // Rebalances are handled inside poll() and wakeup() ends it early for close and resign, so this only paces the loop.
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(5);

    private final LeaderElectionConfig config;
    private final LeadershipListener listener;
    private final TopicPartition leadership;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread poller;
    // One thread, so that listener calls run in the order the rebalances decided them.
    private final ExecutorService notifications;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean resigning;
    // Touched by the poller thread only.
    private boolean leading;

    private LeaderElection(LeaderElectionConfig config, LeadershipListener listener) {
        this.config = config;
        this.listener = listener;
        this.leadership = new TopicPartition(config.topic(), 0);
        this.consumer = new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.poller = new Thread(this::run, "leader-election-" + config.groupId());
        this.notifications = Executors.newSingleThreadExecutor(r -> new Thread(r, "leadership-" + config.groupId()));
    }

    /** Creates the coordination topic if it is missing and joins the election; the listener hears the outcome. */
    public static LeaderElection start(LeaderElectionConfig config, LeadershipListener listener) {
        CoordinationTopic.ensureExists(config.clientProperties(), config.topic());
        LeaderElection election = new LeaderElection(config, listener);
        election.poller.start();
        LOG.info("Joining the leader election of group {} on topic {} (session timeout {} s)",
                config.groupId(), config.topic(), config.sessionTimeout().toSeconds());
        return election;
    }

    /**
     * Gives up leadership, if held, and rejoins after the rejoin backoff, so that another replica can
     * lead: for a leader that finds it cannot do the job. Safe from any thread, the listener's included.
     */
    public void resign() {
        resigning = true;
        consumer.wakeup();
    }

    /** Hands leadership over (after {@code revoked()} returns) and leaves the group. Idempotent. */
    @Override
    public void close() {
        if (closed()) {
            return;
        }
        closing.countDown();
        consumer.wakeup();
        try {
            poller.join();
            notifications.shutdown();
            if (!notifications.awaitTermination(config.handoverTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The leadership listener of group {} is still busy after {} s; closing without it",
                        config.groupId(), config.handoverTimeout().toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!closed()) {
                // A resign() while out of the group has nothing left to give up.
                resigning = false;
                consumer.subscribe(List.of(config.topic()), new Membership());
                pollUntilResignedOrClosed();
                if (!closed()) {
                    consumer.unsubscribe();
                    LOG.info("Left the leader election of group {}; rejoining in {} s", config.groupId(), config.rejoinBackoff().toSeconds());
                    closing.await(config.rejoinBackoff().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
            LOG.info("Left the leader election of group {} for good", config.groupId());
        }
    }

    private void pollUntilResignedOrClosed() throws InterruptedException {
        while (!closed() && !resigning) {
            try {
                consumer.poll(POLL_TIMEOUT);
            } catch (WakeupException e) {
                // close() or resign(): the loop condition tells which.
            } catch (KafkaException e) {
                LOG.warn("The leader election of group {} cannot poll Kafka ({}); retrying in {} s",
                        config.groupId(), e.getMessage(), config.rejoinBackoff().toSeconds());
                closing.await(config.rejoinBackoff().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private boolean closed() {
        return closing.getCount() == 0;
    }

    private void elect() {
        try {
            listener.elected();
        } catch (RuntimeException e) {
            LOG.warn("Could not take up the leadership of group {} ({}); resigning so that another replica can", config.groupId(), e.toString());
            resign();
        }
    }

    private void revoke() {
        try {
            listener.revoked();
        } catch (RuntimeException e) {
            LOG.warn("Stopping as the leader of group {} failed: {}", config.groupId(), e.toString());
        }
    }

    /** Turns partition 0 coming and going into leadership; runs inside poll(), unsubscribe() and close(). */
    private final class Membership implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // The cooperative protocol also calls this, with nothing new, when another replica joins.
            if (partitions.contains(leadership) && !leading) {
                leading = true;
                LOG.info("This replica now leads group {} (member {})", config.groupId(), consumer.groupMetadata().memberId());
                notifications.execute(LeaderElection.this::elect);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.contains(leadership) && leading) {
                leading = false;
                LOG.info("Handing over the leadership of group {} (member {})", config.groupId(), consumer.groupMetadata().memberId());
                awaitStopped();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (partitions.contains(leadership) && leading) {
                leading = false;
                // Another replica may be writing already; waiting would only hold up this member's rejoin.
                LOG.warn("Lost the leadership of group {}: this member missed its session timeout of {} s; "
                                + "its writes are already fenced by the transactional id",
                        config.groupId(), config.sessionTimeout().toSeconds());
                notifications.execute(LeaderElection.this::revoke);
            }
        }

        private void awaitStopped() {
            CountDownLatch stopped = new CountDownLatch(1);
            notifications.execute(() -> {
                try {
                    revoke();
                } finally {
                    stopped.countDown();
                }
            });
            try {
                if (!stopped.await(config.handoverTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("The ingestion of group {} did not stop within {} s; handing over anyway, the transactional id fences it",
                            config.groupId(), config.handoverTimeout().toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, Object> consumerProperties(LeaderElectionConfig config) {
        Map<String, Object> properties = new HashMap<>(config.clientProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        // Only the classic protocol lets the client choose its session timeout; the consumer protocol's
        // is the broker's group.consumer.session.timeout.ms, 45 s by default: too slow a takeover.
        properties.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis());
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) config.heartbeatInterval().toMillis());
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) config.maxPollInterval().toMillis());
        // Cooperative and sticky: a replica joining or leaving leaves the current leader alone, where
        // the eager protocol would stop and restart its ingestion on every rebalance.
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        // A static member does not leave the group on close, which would delay every clean handover by a session timeout.
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The topic is created with one partition by CoordinationTopic, never with the broker's defaults.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return properties;
    }
}
