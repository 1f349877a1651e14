package io.mesosevents.marathon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.client.Errors;
import io.mesosevents.marathon.SessionInbox.Bytes;
import io.mesosevents.marathon.SessionInbox.Ended;
import io.mesosevents.marathon.SessionInbox.Signal;
import io.mesosevents.marathon.SessionInbox.SnapshotFailed;
import io.mesosevents.marathon.SessionInbox.SnapshotRead;
import io.mesosevents.marathon.SessionInbox.Stop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one SSE session on the calling thread, informer-style: the stream is already open when the
 * snapshot is asked for, so no change falls between the two; events that arrive while the snapshot
 * is read wait in a bounded buffer and follow it. Periodic resyncs work the same way on the live
 * stream. The snapshot is read on another thread so that the stream is drained meanwhile: Marathon
 * drops a consumer that falls too far behind.
 */
final class StreamSession implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(StreamSession.class);
    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    private final MarathonSession session;
    private final SessionInbox inbox;
    private final boolean withCredentials;
    private final MarathonStreamHandler handler;
    private final MarathonClientConfig config;
    private final MarathonRestClient rest;
    private final ExecutorService snapshotReader;
    private final Consumer<Instant> onBytes;
    private final EventStreamDecoder decoder;
    private final byte[] copyBuffer = new byte[COPY_BUFFER_BYTES];

    /** Deliveries held back while a snapshot is read. */
    private final Queue<Runnable> held = new ArrayDeque<>();
    private Future<?> snapshotRead;
    private long nextResyncNanos;
    /** Set when the session must end for a reason found while decoding. */
    private String failure;

    StreamSession(MarathonSession session, OpenEventStream stream, MarathonStreamHandler handler, MarathonClientConfig config,
                  MarathonRestClient rest, ObjectMapper mapper, ExecutorService snapshotReader, Consumer<Instant> onBytes) {
        this.session = session;
        this.inbox = stream.inbox();
        this.withCredentials = stream.withCredentials();
        this.handler = handler;
        this.config = config;
        this.rest = rest;
        this.snapshotReader = snapshotReader;
        this.onBytes = onBytes;
        this.decoder = new EventStreamDecoder(config.maxEventSize(), mapper, this);
    }

    /** Streams until the session ends; returns why. Handler exceptions propagate. */
    String run() throws InterruptedException {
        try {
            readSnapshot(false);
            handler.connected(session);
            // Silence counts only while this thread waits for bytes, not while the handler works.
            long waitingSince = System.nanoTime();
            // Set when the stream ended while a snapshot was read: what arrived before is still
            // delivered once the snapshot is (Marathon ends every stream when it loses leadership).
            String ended = null;
            while (failure == null) {
                if (ended != null && snapshotRead == null) {
                    return ended;
                }
                long idleDeadline = waitingSince + config.idleTimeout().toNanos();
                boolean resyncPending = snapshotRead == null && config.resyncEnabled();
                long deadline = resyncPending && nextResyncNanos - idleDeadline < 0 ? nextResyncNanos : idleDeadline;
                Signal signal = inbox.poll(ended != null ? Long.MAX_VALUE : Math.max(0, deadline - System.nanoTime()));
                if (signal == null) {
                    long now = System.nanoTime();
                    if (now - idleDeadline >= 0) {
                        return "no bytes for " + TimeUnit.NANOSECONDS.toMillis(now - waitingSince) + " ms, beyond the idle timeout of "
                                + config.idleTimeout().toMillis() + " ms";
                    }
                    if (resyncPending && now - nextResyncNanos >= 0) {
                        readSnapshot(true);
                    }
                } else if (signal instanceof Bytes bytes) {
                    onBytes.accept(bytes.receivedAt());
                    feed(bytes);
                    waitingSince = System.nanoTime();
                } else if (signal instanceof Ended end) {
                    decoder.finish();
                    ended = end.error().map(e -> "connection lost: " + Errors.describe(e)).orElse("Marathon closed the stream");
                } else if (signal instanceof SnapshotRead read) {
                    deliverSnapshot(read.snapshot());
                    waitingSince = System.nanoTime();
                } else if (signal instanceof SnapshotFailed read) {
                    return "reading the snapshot failed" + dropped() + ": " + MarathonHttp.describe(read.error())
                            + (ended == null ? "" : "; before that, " + ended);
                } else if (signal instanceof Stop stop) {
                    return stop.reason();
                }
            }
            return failure;
        } finally {
            if (snapshotRead != null) {
                snapshotRead.cancel(true);
            }
        }
    }

    private void feed(Bytes bytes) {
        for (ByteBuffer buffer : bytes.buffers()) {
            while (buffer.hasRemaining() && failure == null) {
                int n = Math.min(buffer.remaining(), copyBuffer.length);
                buffer.get(copyBuffer, 0, n);
                decoder.feed(copyBuffer, 0, n);
            }
        }
    }

    private void readSnapshot(boolean periodic) {
        snapshotRead = snapshotReader.submit(() -> {
            try {
                inbox.post(new SnapshotRead(rest.snapshot(session.marathon(), periodic, withCredentials)));
            } catch (InterruptedException e) {
                // The session ended before the snapshot arrived: nobody waits for it.
            } catch (IOException | RuntimeException e) {
                inbox.post(new SnapshotFailed(e));
            }
        });
    }

    private void deliverSnapshot(MarathonSnapshot snapshot) {
        snapshotRead = null;
        log.info("Marathon {} snapshot{} (session {}): {} apps, {} deployments, {}; {} events held back meanwhile",
                session.marathon(), snapshot.periodic() ? " resync" : "", session.id(), snapshot.apps().size(), snapshot.deployments().size(),
                snapshot.podsSupported() ? snapshot.pods().size() + " pods" : "no pod support", held.size());
        handler.snapshot(session, snapshot);
        while (!held.isEmpty()) {
            held.remove().run();
        }
        nextResyncNanos = System.nanoTime() + config.resyncInterval().toNanos();
    }

    @Override
    public void event(MarathonEventMessage event) {
        deliver(() -> handler.event(session, event));
    }

    @Override
    public void malformed(MalformedEvent malformed) {
        log.debug("Malformed input at offset {} of Marathon session {}: {}", malformed.offset(), session.id(), malformed.reason());
        deliver(() -> handler.malformed(session, malformed));
    }

    private void deliver(Runnable delivery) {
        if (failure != null) {
            return;
        }
        if (snapshotRead == null) {
            delivery.run();
        } else if (held.size() < config.snapshotBufferSize()) {
            held.add(delivery);
        } else {
            // Events are lost now, for this session; a new session's snapshot repairs the state.
            failure = "more than " + config.snapshotBufferSize() + " events arrived while the snapshot was read" + dropped();
            held.clear();
        }
    }

    private String dropped() {
        return held.isEmpty() ? "" : " (" + held.size() + " events held back for it are dropped)";
    }
}
