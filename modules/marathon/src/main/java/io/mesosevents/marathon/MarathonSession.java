package io.mesosevents.marathon;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One connection to Marathon's event bus. Marathon sends no event ids and cannot resume a
 * stream, so every connection is a new session that starts with a fresh REST snapshot.
 *
 * @param id          a fresh random UUID per connection
 * @param marathon    base URL of the Marathon that streams and whose snapshots are read: for
 *                    {@link Transport#SSE} the leader the stream ended at after redirects, for
 *                    {@link Transport#CALLBACK} the Marathon that accepted the registration
 * @param transport   how the session's events arrive
 * @param connectedAt when the stream opened (the callback was registered)
 */
public record MarathonSession(String id, URI marathon, Transport transport, Instant connectedAt) {

    public MarathonSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(marathon, "marathon");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }
}
