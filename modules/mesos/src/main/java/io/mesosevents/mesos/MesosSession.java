package io.mesosevents.mesos;

import java.net.URI;
import java.time.Instant;

/**
 * One subscription to one master. Mesos has no resume token, so every connection is a new
 * session that starts with a full {@code SUBSCRIBED} snapshot.
 *
 * @param id          a fresh random UUID per connection
 * @param master      the master that streams ({@code scheme://host:port}), after any redirect
 * @param encoding    the encoding of the stream's records
 * @param connectedAt when the master answered 200
 */
public record MesosSession(String id, URI master, MesosEncoding encoding, Instant connectedAt) {
}
