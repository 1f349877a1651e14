package io.mesosevents.streams;

import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.state.EventPosition;
import java.time.Instant;

/**
 * Whether an event comes after the one that last changed a row.
 *
 * <p>An event is behind, and must not be applied, when its source time is older than the
 * row's, or when it comes from the same ingestor session with a sequence not above the row's
 * (a duplicate or a reordered record). Across sessions with equal or unknown source times it is
 * applied: a resync after a reconnect restates the entity and must win.
 */
final class EventOrder {

    private EventOrder() {
    }

    static EventPosition positionOf(EventMeta meta) {
        return EventPosition.newBuilder().setSourceTimestamp(meta.getSourceTimestamp())
                .setSessionId(meta.getSessionId()).setSequence(meta.getSequence()).build();
    }

    static boolean isBehind(EventPosition row, EventMeta event) {
        if (row == null) {
            return false;
        }
        Instant rowTime = row.getSourceTimestamp();
        Instant eventTime = event.getSourceTimestamp();
        if (rowTime != null && eventTime != null && eventTime.isBefore(rowTime)) {
            return true;
        }
        return row.getSessionId().equals(event.getSessionId()) && event.getSequence() <= row.getSequence();
    }
}
