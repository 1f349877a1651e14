package io.mesosevents.simulator.marathon;

import java.util.List;

/**
 * One connection to {@code /v2/events}, open or ended, as the simulator saw it.
 *
 * @param id            numbered from 1 in the order clients attached
 * @param remoteAddress the client's address, as {@code event_stream_attached} names it
 * @param eventTypes    the {@code event_type} filter; empty for every type
 * @param eventsSent    events written to it (a frame with two counts two)
 * @param eventsQueued  events waiting to be written
 * @param endReason     why it ended; null while open
 */
public record StreamConnection(long id, String remoteAddress, List<String> eventTypes, long eventsSent,
                               int eventsQueued, String endReason) {

    public StreamConnection {
        eventTypes = List.copyOf(eventTypes);
    }

    public boolean open() {
        return endReason == null;
    }
}
