package io.mesosevents.ingestor;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Stamps every record of one ingestor session with its envelope: the cluster, the source, the
 * session id and a sequence number that starts at 0 and has no gaps, so that consumers see resyncs
 * (a new session id) and losses (a missing number). Used from the session's one reader thread.
 */
public final class SessionStamp implements EventMetaSource {

    private final String cluster;
    private final String source;
    private final String sessionId;
    private final Clock clock;
    private long nextSequence;

    public SessionStamp(String cluster, String source, String sessionId, Clock clock) {
        this.cluster = cluster;
        this.source = source;
        this.sessionId = sessionId;
        this.clock = clock;
    }

    @Override
    public EventMeta next(EventKind kind, Instant sourceTimestamp) {
        return EventMeta.newBuilder()
                .setCluster(cluster)
                .setSource(source)
                .setSessionId(sessionId)
                .setSequence(nextSequence++)
                .setSourceTimestamp(sourceTimestamp == null ? null : sourceTimestamp.truncatedTo(ChronoUnit.MILLIS))
                .setIngestTimestamp(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setKind(kind)
                .build();
    }

    public String cluster() {
        return cluster;
    }

    public String source() {
        return source;
    }

    public String sessionId() {
        return sessionId;
    }
}
