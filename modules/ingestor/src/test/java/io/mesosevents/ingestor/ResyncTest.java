package io.mesosevents.ingestor;

import io.mesosevents.ingestor.mesos.MesosEventMapper;
import io.mesosevents.mesos.MesosEncoding;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosTaskEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.mesosevents.ingestor.MesosFixtures.subscribed;
import static io.mesosevents.ingestor.MesosFixtures.task;
import static org.apache.mesos.v1.Protos.TaskState.TASK_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

class ResyncTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final Resync resync = new Resync(new MesosEventMapper("eu1"));

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void firstSnapshotIsBracketedByMarkersWithOneGaplessSequence() {
        EntityState state = new EntityState();
        List<Send> sends = resync.plan(subscribed(List.of(task("t1", "fw", "a1", TASK_RUNNING)), List.of("a1"), List.of("fw")),
                stamp("s1"), state);

        assertThat(sends).extracting(s -> kind(s.record())).containsExactly(
                EventKind.SNAPSHOT_BEGIN, EventKind.SNAPSHOT_BEGIN, EventKind.SNAPSHOT_BEGIN,
                EventKind.SNAPSHOT, EventKind.SNAPSHOT, EventKind.SNAPSHOT,
                EventKind.SNAPSHOT_END, EventKind.SNAPSHOT_END, EventKind.SNAPSHOT_END);
        assertThat(sends).extracting(s -> EntityState.meta(s.record().value()).getSequence()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(sends).filteredOn(Send::everyPartition).hasSize(6).allMatch(s -> s.record().key().equals("eu1"));
        assertThat(state.size()).isEqualTo(3);
    }

    @Test
    void entitiesMissingFromTheNextSnapshotAreReportedGoneWithTheirLastKnownContent() {
        EntityState state = new EntityState();
        resync.plan(subscribed(List.of(task("t1", "fw", "a1", TASK_RUNNING), task("t2", "fw", "a1", TASK_RUNNING)),
                List.of("a1"), List.of("fw")), stamp("s1"), state);

        List<Send> second = resync.plan(subscribed(List.of(task("t1", "fw", "a1", TASK_RUNNING)), List.of("a1"), List.of("fw")),
                stamp("s2"), state);

        List<OutboundRecord> gone = second.stream().map(Send::record).filter(r -> kind(r) == EventKind.GONE).toList();
        assertThat(gone).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(Topic.MESOS_TASK_EVENTS);
            assertThat(record.key()).isEqualTo("eu1/t2");
            MesosTaskEvent value = (MesosTaskEvent) record.value();
            assertThat(value.getName()).isEqualTo("name-t2");
            assertThat(value.getMeta().getSessionId()).isEqualTo("s2");
        });
        assertThat(state.entities(Topic.MESOS_TASK_EVENTS)).extracting(OutboundRecord::key).containsExactly("eu1/t1");
    }

    @Test
    void aRemovedAgentIsForgottenSoTheNextSnapshotDoesNotReportItAgain() {
        EntityState state = new EntityState();
        MesosEventMapper mapper = new MesosEventMapper("eu1");
        SessionStamp stamp = stamp("s1");
        resync.plan(subscribed(List.of(), List.of("a1", "a2"), List.of()), stamp, state);

        mapper.delta(MesosFixtures.agentRemoved("a2"), new byte[0], MesosEncoding.PROTOBUF, stamp).forEach(state::apply);

        List<Send> next = resync.plan(subscribed(List.of(), List.of("a1"), List.of()), stamp("s2"), state);
        assertThat(next).noneMatch(s -> kind(s.record()) == EventKind.GONE);
    }

    private static SessionStamp stamp(String session) {
        return new SessionStamp("eu1", "http://master:5050", session, CLOCK);
    }

    private static EventKind kind(OutboundRecord record) {
        return EntityState.meta(record.value()).getKind();
    }
}
