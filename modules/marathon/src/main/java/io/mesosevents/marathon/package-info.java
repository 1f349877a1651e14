/**
 * Marathon event bus client: server-sent events, legacy callbacks and the REST snapshot.
 *
 * <p>{@link io.mesosevents.marathon.MarathonSubscriber} streams {@code GET /v2/events};
 * {@link io.mesosevents.marathon.CallbackReceiver} receives the HTTP callbacks of Marathon up to
 * 1.4. Both hand a {@link io.mesosevents.marathon.MarathonStreamHandler} sessions that start with a
 * {@link io.mesosevents.marathon.MarathonSnapshot} read after the events started to flow, since
 * Marathon's events are unordered and cannot be replayed. {@link io.mesosevents.marathon.MarathonRestClient}
 * reads the snapshot, the leader and the instance info on its own. All take a
 * {@link io.mesosevents.marathon.MarathonClientConfig}.
 */
package io.mesosevents.marathon;
