package io.mesosevents.ingestor;

import io.mesosevents.ingestor.marathon.MarathonEventMapper;
import io.mesosevents.ingestor.marathon.MarathonResync;
import io.mesosevents.ingestor.marathon.MarathonState;
import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.mesosevents.marathon.MalformedEvent;
import io.mesosevents.marathon.MarathonEventMessage;
import io.mesosevents.marathon.MarathonSession;
import io.mesosevents.marathon.MarathonSnapshot;
import io.mesosevents.marathon.MarathonStreamHandler;
import io.mesosevents.model.dlq.SourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns Marathon sessions into {@code marathon.events} records: every snapshot (at the start of a
 * session and periodically) is reconciled with the last known apps, pods and deployments
 * ({@link MarathonResync}), every event becomes its typed record, and anything unreadable becomes a
 * dead letter. Called on the subscriber's (or callback receiver's) one delivery thread.
 */
public final class MarathonIngestor implements MarathonStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MarathonIngestor.class);
    private static final String JSON = "application/json";

    private final String cluster;
    private final MarathonEventMapper mapper;
    private final MarathonResync resync;
    private final IngestOutput output;
    private final Clock clock;
    private final SnapshotListener snapshotListener;
    private final LastKnownState<MarathonState> state;
    private SessionStamp stamp;
    private DeadLetters deadLetters;

    /** Told after every snapshot is committed to Kafka, with its record count. */
    public interface SnapshotListener {
        void snapshotWritten(MarathonSession session, int records);
    }

    public MarathonIngestor(String cluster, RecordWriter writer, Supplier<MarathonState> stateFromKafka, Clock clock,
                            SnapshotListener snapshotListener, IngestMetrics metrics) {
        this.cluster = cluster;
        this.mapper = new MarathonEventMapper(cluster);
        this.resync = new MarathonResync(mapper);
        this.output = new IngestOutput(writer, metrics, clock);
        this.state = new LastKnownState<>(stateFromKafka, output);
        this.clock = clock;
        this.snapshotListener = snapshotListener;
    }

    /** The next session rebuilds the last known state from Kafka first. */
    public void reloadOnNextSession() {
        state.reloadOnNextSession();
    }

    @Override
    public void connected(MarathonSession session) {
        String source = session.marathon().toString();
        stamp = new SessionStamp(cluster, source, session.id(), clock);
        deadLetters = new DeadLetters(cluster, source, SourceType.MARATHON);
        try {
            state.prepareSession();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        LOG.info("Marathon session {} opened on {} ({})", session.id(), session.marathon(), session.transport());
    }

    // Errors here end the session: a snapshot is reconciled whole or not at all.
    @Override
    public void snapshot(MarathonSession session, MarathonSnapshot snapshot) {
        Instant received = clock.instant();
        try {
            MarathonResync.Plan plan = resync.plan(snapshot, stamp, state.get());
            for (MarathonResync.Rejected rejected : plan.rejected()) {
                LOG.warn("An entity of the Marathon snapshot in session {} could not be read: {}; written to the dead-letter topic",
                        session.id(), rejected.reason());
                deadLetter(session, null, rejected.json().getBytes(StandardCharsets.UTF_8),
                        DeadLetters.Failure.of("snapshot-map", rejected.reason()));
            }
            if (!output.snapshot(plan.sends(), received)) {
                LOG.warn("Marathon snapshot of cluster '{}' in session {} was not written; the source will be resynchronised",
                        cluster, session.id());
                return;
            }
            snapshotListener.snapshotWritten(session, plan.sends().size());
            LOG.info("Marathon snapshot of cluster '{}' written: {} records ({}) in session {}", cluster, plan.sends().size(),
                    snapshot, session.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void event(MarathonSession session, MarathonEventMessage event) {
        output.eventIn(event.eventType());
        OutboundRecord record;
        try {
            record = mapper.delta(event, stamp);
        } catch (RuntimeException e) {
            // A parsable event the mapper cannot type is kept, not lost.
            LOG.warn("Marathon {} at offset {} of session {} could not be mapped: {}; written to the dead-letter topic",
                    event.eventType(), event.offset(), session.id(), e.getMessage());
            deadLetter(session, event.offset(), event.rawJson().getBytes(StandardCharsets.UTF_8), DeadLetters.Failure.of("avro-map", e));
            return;
        }
        state.get().apply(record);
        try {
            output.submit(List.of(Send.of(record)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void malformed(MarathonSession session, MalformedEvent malformed) {
        LOG.warn("Malformed Marathon input at offset {} of session {} ({}): {}; written to the dead-letter topic",
                malformed.offset(), session.id(), malformed.stage(), malformed.reason());
        deadLetter(session, malformed.offset(), malformed.raw(), DeadLetters.Failure.of(malformed.stage(), malformed.reason()));
    }

    @Override
    public void disconnected(MarathonSession session, String reason) {
        LOG.info("Marathon session {} closed: {}", session.id(), reason);
    }

    private void deadLetter(MarathonSession session, Long offset, byte[] payload, DeadLetters.Failure failure) {
        try {
            output.deadLetter(deadLetters.of(session.id(), offset, clock.instant(), failure, payload, JSON), failure.stage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
