package io.mesosevents.mesos;

import io.mesosevents.client.Errors;
import io.mesosevents.client.SessionLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Subscribes to the Mesos master Operator API ({@code POST /api/v1 SUBSCRIBE}) and keeps the
 * subscription alive: follows the leader, retries with backoff, declares silent streams dead,
 * and starts a new session (with a fresh {@code SUBSCRIBED} snapshot) after every disconnect.
 * Everything it reads goes to a {@link MesosStreamHandler}, sequentially, on its reader thread.
 *
 * <p>{@link #start()} once, {@link #close()} once.
 */
public final class MesosSubscriber implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MesosSubscriber.class);

    private final MesosClientConfig config;
    private final MesosStreamHandler handler;
    private final MasterLocator locator;
    private final MasterCall call;
    private final SessionLoop loop;
    private final ScheduledExecutorService watchdogs;

    private volatile Instant lastByteAt;
    private volatile MesosSession session;
    private volatile InputStream stream;

    public MesosSubscriber(MesosClientConfig config, MesosStreamHandler handler) {
        this.config = config;
        this.handler = handler;
        this.locator = MasterLocator.of(config);
        this.call = MasterCall.of(config);
        this.watchdogs = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mesos-subscriber-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        this.loop = new SessionLoop("Mesos", "mesos-subscriber", config.backoff(), this::attempt, watchdogs::shutdownNow);
    }

    /** Starts subscribing on the reader thread. */
    public void start() {
        log.info("Subscribing to Mesos master {} ({})", config.masters(), config.encoding());
        loop.start();
    }

    /**
     * Stops promptly: closes the current stream, ends the session and waits for the reader thread
     * (unless called from a handler callback, i.e. from the reader thread itself).
     */
    @Override
    public void close() {
        loop.close(this::closeStream);
    }

    /**
     * Ends the current session, if there is one, so that the subscriber subscribes again and the
     * handler gets a fresh snapshot (e.g. after the handler could not store part of the stream).
     */
    public void resubscribe(String reason) {
        log.info("Ending the current Mesos session to resubscribe: {}", reason);
        closeStream();
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
    public Optional<MesosSession> session() {
        return Optional.ofNullable(session);
    }

    /** One subscription: connect, stream to the end; how long it streamed. */
    private Duration attempt() throws InterruptedException {
        return connect().map(this::stream).orElse(Duration.ZERO);
    }

    /** Tries the candidates in order; the first open stream wins. */
    private Optional<OpenStream> connect() throws InterruptedException {
        List<URI> candidates;
        try {
            candidates = locator.candidates();
        } catch (IOException e) {
            log.warn("Cannot locate the Mesos leader through {}: {}", config.masters(), Errors.describe(e));
            return Optional.empty();
        }
        for (URI master : candidates) {
            if (loop.closed()) {
                break;
            }
            try {
                return Optional.of(call.subscribe(master));
            } catch (MasterRejected e) {
                if (e.unavailable()) {
                    log.info("Mesos master has no leader or is recovering: {}", e.getMessage());
                } else {
                    log.warn("Mesos master rejected SUBSCRIBE: {}", e.getMessage());
                }
            } catch (IOException e) {
                log.warn("Cannot subscribe to Mesos master {}: {}", master, Errors.describe(e));
            }
        }
        return Optional.empty();
    }

    private Duration stream(OpenStream open) {
        MesosSession current = new MesosSession(UUID.randomUUID().toString(), open.master(), open.encoding(), Instant.now());
        stream = open.body();
        session = current;
        if (loop.closed()) {
            closeStream();
        }
        log.info("Subscribed to Mesos master {} ({}), session {}", current.master(), current.encoding(), current.id());
        String reason;
        try (HeartbeatWatchdog watchdog = new HeartbeatWatchdog(watchdogs, current, config.firstByteTimeout(), config.heartbeatMisses(), this::closeStream)) {
            handler.connected(current);
            watchdog.start();
            reason = new SessionReader(current, open.body(), watchdog, handler, () -> lastByteAt = Instant.now(), config.maxRecordSize()).read();
        } catch (RuntimeException e) {
            // A handler interrupted by close() fails as it may; that is no news.
            if (!loop.closed()) {
                log.error("Mesos stream handler failed in session {}; resubscribing", current.id(), e);
            }
            reason = "handler failed: " + Errors.describe(e);
        } finally {
            closeStream();
            session = null;
        }
        if (loop.closed()) {
            reason = "subscriber closed";
        }
        Duration lasted = Duration.between(current.connectedAt(), Instant.now());
        log.info("Mesos session {} with {} ended after {} ms: {}", current.id(), current.master(), lasted.toMillis(), reason);
        try {
            handler.disconnected(current, reason);
        } catch (RuntimeException e) {
            log.error("Mesos stream handler failed on the end of session {}", current.id(), e);
        }
        return lasted;
    }

    private void closeStream() {
        InputStream open = stream;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                log.debug("Closing the Mesos stream failed: {}", Errors.describe(e));
            }
        }
    }
}
