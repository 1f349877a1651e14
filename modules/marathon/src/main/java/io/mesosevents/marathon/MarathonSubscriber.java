package io.mesosevents.marathon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.client.Errors;
import io.mesosevents.client.SessionLoop;
import io.mesosevents.marathon.SessionInbox.Stop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Subscribes to Marathon's event stream ({@code GET /v2/events}, server-sent events) and keeps
 * the subscription alive: tries the configured Marathons in order, follows a standby's redirect to
 * the leader, declares silent streams dead, reconnects with jittered exponential backoff, and
 * starts every session with a fresh REST snapshot (Marathon has no event ids to resume from).
 * Everything goes to a {@link MarathonStreamHandler}, sequentially, on the subscriber's thread.
 *
 * <p>{@link #start()} once, {@link #close()} once.
 */
public final class MarathonSubscriber implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MarathonSubscriber.class);
    private static final String CLOSED = "subscriber closed";

    private final MarathonClientConfig config;
    private final MarathonStreamHandler handler;
    private final EventStreamCall call;
    private final MarathonRestClient rest;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SessionLoop loop;
    private final ExecutorService snapshotReader;

    private volatile Instant lastByteAt;
    private volatile MarathonSession session;
    private volatile SessionInbox inbox;

    public MarathonSubscriber(MarathonClientConfig config, MarathonStreamHandler handler) {
        this.config = config;
        this.handler = handler;
        MarathonHttp http = new MarathonHttp(config);
        this.call = new EventStreamCall(http);
        this.rest = new MarathonRestClient(http, mapper);
        this.snapshotReader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "marathon-snapshot");
            thread.setDaemon(true);
            return thread;
        });
        this.loop = new SessionLoop("Marathon", "marathon-subscriber", config.backoff(), this::attempt, snapshotReader::shutdownNow);
    }

    /** Starts subscribing on the subscriber's thread. */
    public void start() {
        log.info("Subscribing to the Marathon event stream of {} (event types: {})", config.marathons(),
                config.eventTypes().isEmpty() ? "all" : config.eventTypes());
        loop.start();
    }

    /**
     * Stops promptly: ends the current session and waits for the subscriber's thread (unless called
     * from a handler callback, i.e. from that thread itself).
     */
    @Override
    public void close() {
        loop.close(() -> stopSession(CLOSED));
    }

    /**
     * Ends the current session, if there is one, so that the subscriber connects again and the
     * handler gets a fresh snapshot (e.g. after the handler could not store part of the stream).
     */
    public void resubscribe(String reason) {
        log.info("Ending the current Marathon session to resubscribe: {}", reason);
        stopSession("resubscribing: " + reason);
    }

    /** How many times the subscriber started over after a failed attempt or an ended session. */
    public long reconnects() {
        return loop.reconnects();
    }

    /** When the last bytes of any session arrived. */
    public Optional<Instant> lastByteAt() {
        return Optional.ofNullable(lastByteAt);
    }

    /** The session streaming now, if any. */
    public Optional<MarathonSession> session() {
        return Optional.ofNullable(session);
    }

    /** One connection: open the stream, run its session to the end; how long it streamed. */
    private Duration attempt() throws InterruptedException {
        Optional<OpenEventStream> open = connect();
        return open.isPresent() ? stream(open.get()) : Duration.ZERO;
    }

    /** Tries the Marathons in order; the first open stream wins. */
    private Optional<OpenEventStream> connect() throws InterruptedException {
        for (URI marathon : config.marathons()) {
            if (loop.closed()) {
                break;
            }
            try {
                return Optional.of(call.open(marathon));
            } catch (IOException e) {
                log.warn("Cannot open the event stream of Marathon {}: {}", marathon, MarathonHttp.describe(e));
            }
        }
        return Optional.empty();
    }

    private Duration stream(OpenEventStream open) throws InterruptedException {
        MarathonSession current = new MarathonSession(UUID.randomUUID().toString(), open.marathon(), Transport.SSE, Instant.now());
        inbox = open.inbox();
        session = current;
        if (loop.closed()) {
            stopSession(CLOSED);
        }
        log.info("Streaming events from Marathon {}, session {}", current.marathon(), current.id());
        String reason;
        boolean interrupted = false;
        try {
            reason = new StreamSession(current, open, handler, config, rest, mapper, snapshotReader, at -> lastByteAt = at).run();
        } catch (RuntimeException e) {
            // A handler interrupted by close() fails as it may; that is no news.
            if (!loop.closed()) {
                log.error("Marathon stream handler failed in session {}; reconnecting", current.id(), e);
            }
            reason = "handler failed: " + Errors.describe(e);
        } catch (InterruptedException e) {
            // Only close() interrupts; the handler still hears of the end, uninterrupted.
            interrupted = true;
            reason = CLOSED;
        } finally {
            open.inbox().cancel();
            session = null;
            inbox = null;
        }
        if (loop.closed()) {
            reason = CLOSED;
        }
        Duration lasted = Duration.between(current.connectedAt(), Instant.now());
        log.info("Marathon session {} with {} ended after {} ms: {}", current.id(), current.marathon(), lasted.toMillis(), reason);
        try {
            handler.disconnected(current, reason);
        } catch (RuntimeException e) {
            log.error("Marathon stream handler failed on the end of session {}", current.id(), e);
        }
        if (interrupted) {
            throw new InterruptedException();
        }
        return lasted;
    }

    private void stopSession(String reason) {
        SessionInbox current = inbox;
        if (current != null) {
            current.post(new Stop(reason));
            current.cancel();
        }
    }
}
