package io.mesosevents.streams;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Framework events as the ingestor writes them, made with the generated builders. Each is in
 * session {@value #SESSION} with sequence {@code second}, source time {@code T0 + second} s and
 * ingest time one second later; {@link #inSession} moves one to another session.
 */
final class FrameworkEvents {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00.000Z");
    static final String SESSION = "session-1";
    static final String FRAMEWORK_ID = "5e1a8d0c-6f4b-4c1e-9b7a-2f1d3c4b5a60-0000";

    private FrameworkEvents() {
    }

    static EventMeta meta(String cluster, EventKind kind, int second) {
        return EventMeta.newBuilder().setCluster(cluster).setSource("http://master:5050").setSessionId(SESSION)
                .setSequence(second).setSourceTimestamp(T0.plusSeconds(second))
                .setIngestTimestamp(T0.plusSeconds(second + 1)).setKind(kind).build();
    }

    /** FRAMEWORK_ADDED: the whole framework, a connected and active Marathon. */
    static MesosFrameworkEvent added(String cluster, String frameworkId, int second) {
        return MesosFrameworkEvent.newBuilder().setMeta(meta(cluster, EventKind.DELTA, second))
                .setEventType(MesosEventType.FRAMEWORK_ADDED).setFrameworkId(frameworkId).setName("marathon")
                .setUser("root").setPrincipal("marathon-eu1").setHostname("marathon-1.eu1.internal")
                .setWebuiUrl("http://marathon-1.eu1.internal:8080").setRoles(List.of("slave_public", "*"))
                .setActive(true).setConnected(true).setRecovered(false).setCheckpoint(true)
                .setFailoverTimeoutSeconds(604800.0).setRegisteredTime(T0.minusSeconds(3600))
                .setCapabilities(List.of("PARTITION_AWARE", "MULTI_ROLE")).setLabels(Map.of("owner", "platform"))
                .build();
    }

    /** FRAMEWORK_UPDATED that carries only what changed: the scheduler disconnected at {@code T0 + second} s. */
    static MesosFrameworkEvent disconnected(String cluster, String frameworkId, int second) {
        return MesosFrameworkEvent.newBuilder().setMeta(meta(cluster, EventKind.DELTA, second))
                .setEventType(MesosEventType.FRAMEWORK_UPDATED).setFrameworkId(frameworkId).setConnected(false)
                .setActive(false).setUnregisteredTime(T0.plusSeconds(second)).build();
    }

    /** FRAMEWORK_REMOVED: Mesos still describes the framework it tore down. */
    static MesosFrameworkEvent removed(String cluster, String frameworkId, int second) {
        return MesosFrameworkEvent.newBuilder(added(cluster, frameworkId, second))
                .setEventType(MesosEventType.FRAMEWORK_REMOVED).setActive(false).setConnected(false)
                .setUnregisteredTime(T0.plusSeconds(second)).build();
    }

    /** The ingestor's retraction of a framework that vanished while it was away. */
    static MesosFrameworkEvent gone(String cluster, String frameworkId, int second) {
        return MesosFrameworkEvent.newBuilder().setMeta(meta(cluster, EventKind.GONE, second))
                .setEventType(MesosEventType.FRAMEWORK_ADDED).setFrameworkId(frameworkId).build();
    }

    /** SNAPSHOT_BEGIN or SNAPSHOT_END: keyed by cluster, empty framework id. */
    static MesosFrameworkEvent marker(String cluster, EventKind kind, int second) {
        return MesosFrameworkEvent.newBuilder().setMeta(meta(cluster, kind, second))
                .setEventType(MesosEventType.SUBSCRIBED).setFrameworkId("").build();
    }

    /** {@code event} as written by another ingestor session, at {@code sequence} there. */
    static MesosFrameworkEvent inSession(MesosFrameworkEvent event, String session, long sequence) {
        EventMeta meta = EventMeta.newBuilder(event.getMeta()).setSessionId(session).setSequence(sequence).build();
        return MesosFrameworkEvent.newBuilder(event).setMeta(meta).build();
    }
}
