package io.mesosevents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.state.EventPosition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventOrderTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private static final EventPosition ROW = EventPosition.newBuilder().setSourceTimestamp(T).setSessionId("s1").setSequence(10L).build();

    private static EventMeta event(Instant sourceTime, String session, long sequence) {
        return EventMeta.newBuilder().setCluster("eu1").setSource("http://master").setSessionId(session)
                .setSequence(sequence).setSourceTimestamp(sourceTime).setIngestTimestamp(T).setKind(EventKind.DELTA)
                .build();
    }

    @Test
    void anOlderSourceTimeIsBehindWhateverTheSession() {
        assertThat(EventOrder.isBehind(ROW, event(T.minusMillis(1), "s2", 0))).isTrue();
    }

    @Test
    void theSameOrALowerSequenceOfTheSameSessionIsBehind() {
        assertThat(EventOrder.isBehind(ROW, event(T, "s1", 10))).isTrue();
        assertThat(EventOrder.isBehind(ROW, event(null, "s1", 9))).isTrue();
        assertThat(EventOrder.isBehind(ROW, event(T, "s1", 11))).isFalse();
    }

    @Test
    void anotherSessionWithTheSameOrUnknownTimeIsApplied() {
        assertThat(EventOrder.isBehind(ROW, event(T, "s2", 0))).isFalse();
        assertThat(EventOrder.isBehind(ROW, event(null, "s2", 0))).isFalse();
        assertThat(EventOrder.isBehind(null, event(T, "s1", 0))).isFalse();
    }
}
