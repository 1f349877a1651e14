package io.mesosevents.replay.rebuild;

import io.mesosevents.replay.progress.Progress;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.ViewsTopology;
import io.mesosevents.streams.app.ViewsApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the views from the event log: runs the live views application ({@link ViewsApp}, the same
 * topology and settings as {@code serve}) under a new application id, so Kafka Streams starts it at the
 * first retained offset of every event topic, and waits until it has folded the history that was there
 * when it started ({@link CatchUp}).
 *
 * <p>It is a cut-over, not a side-by-side build: the views write {@code state.*} and {@code view.*} under
 * the prefix they read from, so the application the rebuild replaces ({@code fromApplicationId}) must be
 * stopped ({@link GroupGuard}). Afterwards {@code serve} with the new id and the same state directory
 * continues from the rebuilt stores (or restores them from the new changelogs elsewhere).
 *
 * <p>Use: {@link #prepare}, then {@link #run}, then {@link #close}, which stops the application and
 * leaves its group so {@code serve} can take over at once.
 */
public final class Rebuild implements AutoCloseable {

    /** How often the group's offsets are sampled. */
    static final Duration SAMPLE_INTERVAL = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);
    private static final Set<KafkaStreams.State> STOPPED = Set.of(KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR,
            KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);

    private final StreamsAppConfig config;
    private final Admin admin;
    private final Topology topology;
    private final CatchUp catchUp;
    private ViewsApp app;

    private Rebuild(StreamsAppConfig config, Admin admin, Topology topology, CatchUp catchUp) {
        this.config = config;
        this.admin = admin;
        this.topology = topology;
        this.catchUp = catchUp;
    }

    /**
     * Checks that neither {@code fromApplicationId} nor the new application ({@code config.applicationId()})
     * is running, and takes the end of the history. Starts nothing yet.
     */
    public static Rebuild prepare(StreamsAppConfig config, String fromApplicationId) throws InterruptedException {
        if (config.applicationId().equals(fromApplicationId)) {
            throw new RebuildException("The new application id must differ from the one it replaces ('" + fromApplicationId
                    + "'): a rebuild starts a fresh application from the beginning of the log");
        }
        Admin admin = Admin.create(adminConfig(config));
        try {
            GroupGuard guard = new GroupGuard(admin);
            guard.requireIdle(fromApplicationId, "old");
            guard.requireIdle(config.applicationId(), "new");
            Topology topology = ViewsTopology.build(config);
            InputTopics topics = InputTopics.of(topology, config.applicationId(), config.topicPrefix());
            CatchUp catchUp = CatchUp.begin(admin, config.applicationId(), topics);
            LOG.info("Rebuilding the views as application {} from {} event records in {}", config.applicationId(), catchUp.total(),
                    topics.external());
            return new Rebuild(config, admin, topology, catchUp);
        } catch (RuntimeException | InterruptedException e) {
            admin.close();
            throw e;
        }
    }

    /** Event records in the history to fold. */
    public long total() {
        return catchUp.total();
    }

    /** Starts the application and blocks until it has caught up with the history, reporting to {@code progress}. */
    public RebuildResult run(Progress progress) throws InterruptedException {
        if (app != null) {
            throw new IllegalStateException("This rebuild has run already");
        }
        ViewsApp views = ViewsApp.create(config, topology, new SimpleMeterRegistry());
        synchronized (this) {
            app = views;
        }
        long started = System.nanoTime();
        views.start();
        long reported = 0;
        while (true) {
            KafkaStreams.State state = views.state();
            if (STOPPED.contains(state)) {
                throw new RebuildException("The views application " + config.applicationId() + " stopped (" + state
                        + ") before it caught up; see the log above for why. Start the rebuild again to continue from what it committed.");
            }
            CatchUp.Sample sample = catchUp.sample();
            progress.advance(sample.processed() - reported);
            reported = sample.processed();
            // RUNNING as well: right after a rebalance the offsets may be complete while a store is still restoring.
            if (sample.caughtUp() && state == KafkaStreams.State.RUNNING) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                LOG.info("Views application {} caught up with {} event records in {} s", config.applicationId(), sample.total(),
                        elapsed.toMillis() / 1000.0);
                return new RebuildResult(config.applicationId(), sample.total(), elapsed);
            }
            Thread.sleep(SAMPLE_INTERVAL.toMillis());
        }
    }

    /** Stops the application, committing and leaving its group, so {@code serve} takes over at once. Idempotent. */
    @Override
    public synchronized void close() {
        try {
            if (app != null) {
                app.close();
                app = null;
            }
        } finally {
            admin.close();
        }
    }

    /** The Kafka client settings of the views (security and all), without the Streams-only ones Admin would warn about. */
    private static Map<String, Object> adminConfig(StreamsAppConfig config) {
        Map<String, Object> props = new HashMap<>();
        config.kafkaProperties().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return props;
    }
}
