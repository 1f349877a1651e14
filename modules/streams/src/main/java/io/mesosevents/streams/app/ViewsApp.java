package io.mesosevents.streams.app;

import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.ViewStores;
import io.mesosevents.streams.ViewsTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the views application: owns the {@link KafkaStreams} client that runs the views
 * topology, reports its state, and tells what this instance holds locally.
 *
 * <p>Several instances started with the same application id share the work: Kafka Streams spreads
 * the store partitions over them (plus {@code standbyReplicas} warm copies), and each one announces
 * its {@code applicationServer} so the others can forward queries to it.
 */
public final class ViewsApp implements AutoCloseable {

    /** How long {@link #close()} waits for the stream threads to commit and leave the group. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ViewsApp.class);

    private final StreamsAppConfig config;
    private final KafkaStreams streams;
    private final ServedStores stores;
    private final StoreLags lags;
    private final KafkaStreamsMetrics metrics;

    private ViewsApp(StreamsAppConfig config, KafkaStreams streams, ServedStores stores, KafkaStreamsMetrics metrics) {
        this.config = config;
        this.streams = streams;
        this.stores = stores;
        this.lags = new StoreLags(streams::allLocalStorePartitionLags);
        this.metrics = metrics;
    }

    /** An instance running every view of {@link ViewsTopology}; not started yet. */
    public static ViewsApp create(StreamsAppConfig config, MeterRegistry registry) {
        return create(config, ViewsTopology.build(config), registry);
    }

    /** An instance running {@code topology}; not started yet. Its Kafka Streams metrics go to {@code registry}. */
    public static ViewsApp create(StreamsAppConfig config, Topology topology, MeterRegistry registry) {
        ServedStores stores = ServedStores.of(topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties());
        streams.setStateListener((newState, oldState) ->
                log.info("Views application {} is {} (was {})", config.applicationId(), newState, oldState));
        streams.setUncaughtExceptionHandler(new ThreadReplacingHandler());
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        log.info("Views application {} serves the stores {}{}", config.applicationId(),
                stores.all().stream().map(ViewStores::storeName).toList(),
                config.applicationServer().map(server -> " as " + server).orElse(""));
        return new ViewsApp(config, streams, stores, metrics);
    }

    public void start() {
        streams.start();
    }

    public StreamsAppConfig config() {
        return config;
    }

    /** The Kafka Streams client, for queries. */
    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The view stores of this instance's topology. */
    public ServedStores stores() {
        return stores;
    }

    /** Where the other instances reach this one, as Kafka Streams names it in its metadata. */
    public Optional<HostInfo> self() {
        return config.applicationServerHost();
    }

    /** The store partitions this instance holds now. */
    public LocalAssignment localAssignment() {
        return new LocalAssignment(stores, streams.metadataForLocalThreads());
    }

    /** The lag of every local store partition (cached briefly). */
    public StoreLags lags() {
        return lags;
    }

    /**
     * Ready when Kafka Streams is RUNNING and every store partition this instance is active for answers
     * a query: an active task still restoring its store is in the assignment before it can be queried.
     */
    public Readiness readiness() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            return Readiness.notReady(state.name(), "Kafka Streams is " + state + ", not RUNNING");
        }
        LocalAssignment assignment = localAssignment();
        for (ViewStores store : stores.all()) {
            Set<Integer> active = assignment.active(store);
            if (active.isEmpty()) {
                continue;
            }
            Optional<String> problem = probe(store, active);
            if (problem.isPresent()) {
                return Readiness.notReady(state.name(), problem.get());
            }
        }
        return Readiness.ready(state.name());
    }

    private Optional<String> probe(ViewStores store, Set<Integer> partitions) {
        for (Integer partition : partitions) {
            try {
                LocalStores.keyValue(streams, store.storeName(), partition, true).get("");
            } catch (InvalidStateStoreException e) {
                return Optional.of("store " + store.storeName() + " partition " + partition + " is not queryable yet: "
                        + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Commits, leaves the group at once (so the others take over without waiting for a session timeout) and stops. */
    @Override
    public void close() {
        try {
            boolean stopped = streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            if (!stopped) {
                log.warn("Views application {} did not stop within {}", config.applicationId(), CLOSE_TIMEOUT);
            }
        } finally {
            metrics.close();
        }
    }
}
