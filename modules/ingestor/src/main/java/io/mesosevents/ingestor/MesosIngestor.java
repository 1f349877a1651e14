package io.mesosevents.ingestor;

import io.mesosevents.ingestor.mesos.MesosEventMapper;
import io.mesosevents.mesos.MesosSession;
import io.mesosevents.model.dlq.SourceType;
import io.mesosevents.mesos.MesosStreamHandler;
import org.apache.mesos.v1.master.Protos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.mesosevents.ingestor.metrics.IngestMetrics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns Mesos master subscriptions into records: on every (re)connect the SUBSCRIBED snapshot is
 * reconciled with the last known state ({@link Resync}), then every event becomes its typed records,
 * and anything undecodable becomes a dead letter. Called on the subscriber's reader thread.
 *
 * <p>After a failed write the last known state may be ahead of what Kafka holds; {@link #reloadOnNextSession()}
 * makes the next session wait for the writer and rebuild the state from Kafka before it reconciles.
 */
public final class MesosIngestor implements MesosStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MesosIngestor.class);

    private final String cluster;
    private final MesosEventMapper mapper;
    private final Resync resync;
    private final IngestOutput output;
    private final Clock clock;
    private final SnapshotListener snapshotListener;
    private final LastKnownState<EntityState> state;
    private SessionStamp stamp;
    private DeadLetters deadLetters;

    /** Told after every snapshot is committed to Kafka, with its record count. */
    public interface SnapshotListener {
        void snapshotWritten(MesosSession session, int records);
    }

    public MesosIngestor(String cluster, RecordWriter writer, Supplier<EntityState> stateFromKafka, Clock clock,
                         SnapshotListener snapshotListener, IngestMetrics metrics) {
        this.cluster = cluster;
        this.mapper = new MesosEventMapper(cluster);
        this.resync = new Resync(mapper);
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
    public void connected(MesosSession session) {
        stamp = new SessionStamp(cluster, session.master().toString(), session.id(), clock);
        deadLetters = new DeadLetters(cluster, session.master().toString(), SourceType.MESOS);
        try {
            state.prepareSession();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        LOG.info("Mesos session {} opened on {} ({})", session.id(), session.master(), session.encoding().mediaType());
    }

    @Override
    public void event(MesosSession session, long offset, byte[] raw, Protos.Event event) {
        output.eventIn(event.getType().name());
        try {
            if (event.getType() == Protos.Event.Type.SUBSCRIBED) {
                writeSnapshot(session, event.getSubscribed());
            } else {
                List<OutboundRecord> records;
                try {
                    records = mapper.delta(event, raw, session.encoding(), stamp);
                } catch (RuntimeException e) {
                    // A decodable event the mapper cannot turn into records is kept, not lost.
                    LOG.warn("Mesos {} event at offset {} of session {} could not be mapped: {}; written to the dead-letter topic",
                            event.getType(), offset, session.id(), e.getMessage());
                    deadLetter(session, offset, raw, DeadLetters.Failure.of("avro-map", e));
                    return;
                }
                if (!records.isEmpty()) {
                    records.forEach(state.get()::apply);
                    output.submit(records.stream().map(Send::of).toList());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Errors here end the session: a snapshot is reconciled whole or not at all, and the next
    // session brings a new one.
    private void writeSnapshot(MesosSession session, Protos.Event.Subscribed subscribed) throws InterruptedException {
        Instant received = clock.instant();
        List<Send> sends = resync.plan(subscribed, stamp, state.get());
        if (!output.snapshot(sends, received)) {
            LOG.warn("Snapshot of cluster '{}' in session {} was not written; the source will be resynchronised", cluster, session.id());
            return;
        }
        snapshotListener.snapshotWritten(session, sends.size());
        LOG.info("Snapshot of cluster '{}' written: {} records in session {}", cluster, sends.size(), session.id());
    }

    @Override
    public void undecodable(MesosSession session, long offset, byte[] raw, String stage, String error) {
        LOG.warn("Undecodable Mesos record at offset {} of session {} ({}): {}; written to the dead-letter topic", offset, session.id(), stage, error);
        deadLetter(session, offset, raw, DeadLetters.Failure.of(stage, error));
    }

    @Override
    public void streamFailed(MesosSession session, long offset, byte[] unread, String stage, String error) {
        LOG.warn("Mesos stream of session {} broke at offset {} ({}): {}; written to the dead-letter topic", session.id(), offset, stage, error);
        deadLetter(session, offset, unread, DeadLetters.Failure.of(stage, error));
    }

    @Override
    public void disconnected(MesosSession session, String reason) {
        LOG.info("Mesos session {} closed: {}", session.id(), reason);
    }

    private void deadLetter(MesosSession session, long offset, byte[] payload, DeadLetters.Failure failure) {
        try {
            output.deadLetter(deadLetters.of(session.id(), offset, clock.instant(), failure, payload, session.encoding().mediaType()),
                    failure.stage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
