package io.mesosevents.ingestor.mesos;

import io.mesosevents.ingestor.EventMetaSource;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link EventMetaSource} like a session's: sequences from 0, and it remembers what it was asked. */
final class RecordingMeta implements EventMetaSource {

    static final String SOURCE = "http://master-1.example.com:5050";
    static final Instant INGESTED = Instant.parse("2026-03-01T12:00:01.500Z");

    record Call(EventKind kind, Instant sourceTimestamp) {
    }

    private final String cluster;
    private final List<Call> calls = new ArrayList<>();

    RecordingMeta(String cluster) {
        this.cluster = cluster;
    }

    @Override
    public EventMeta next(EventKind kind, Instant sourceTimestamp) {
        calls.add(new Call(kind, sourceTimestamp));
        return EventMeta.newBuilder()
                .setCluster(cluster)
                .setSource(SOURCE)
                .setSessionId("session-" + cluster)
                .setSequence(calls.size() - 1)
                .setSourceTimestamp(sourceTimestamp)
                .setIngestTimestamp(INGESTED)
                .setKind(kind)
                .build();
    }

    List<Call> calls() {
        return calls;
    }
}
