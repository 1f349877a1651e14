package io.mesosevents.marathon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.client.Backoff;
import io.mesosevents.client.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The thread side of a {@link CallbackReceiver}: registers the callback URL (retrying with
 * backoff), then runs sessions, each a snapshot followed by the bodies received, in the order they
 * were received, with periodic resyncs. The bodies wait in a bounded inbox while a snapshot is
 * read or the handler works; when it is full they are dropped and the session is started over, so
 * that a fresh snapshot repairs what they would have told.
 */
final class CallbackDispatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final String CLOSED = "receiver closed";

    private sealed interface Item permits Received, Restart, Stop {
    }

    /**
     * One POST body.
     *
     * @param size its length; larger than {@code body} when it exceeded the maximum event size
     */
    private record Received(byte[] body, long size, boolean oversized) implements Item {
    }

    /** End the session {@code sessionId} and start a new one. */
    private record Restart(String sessionId, String reason) implements Item {
    }

    private record Stop() implements Item {
    }

    private final MarathonClientConfig config;
    private final MarathonRestClient rest;
    private final MarathonStreamHandler handler;
    private final URI callbackUrl;
    private final EventDecoder decoder;
    private final Backoff backoff;
    private final BlockingQueue<Item> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private final CountDownLatch closing = new CountDownLatch(1);

    private volatile URI registeredWith;
    private volatile MarathonSession session;
    private volatile Instant lastBodyAt;

    CallbackDispatcher(MarathonClientConfig config, MarathonRestClient rest, MarathonStreamHandler handler, URI callbackUrl, ObjectMapper mapper) {
        this.config = config;
        this.rest = rest;
        this.handler = handler;
        this.callbackUrl = callbackUrl;
        this.decoder = new EventDecoder(mapper);
        this.backoff = new Backoff(config.backoff(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Queues a body for delivery, from the HTTP server's thread; false when the inbox is full and
     * the body was dropped (the session will start over).
     */
    boolean offer(byte[] body, long size, boolean oversized) {
        lastBodyAt = Instant.now();
        // Only the server's one thread adds bodies, so the size cannot change between check and add but downwards.
        if (inbox.size() >= config.snapshotBufferSize()) {
            dropped.incrementAndGet();
            return false;
        }
        inbox.add(new Received(body, size, oversized));
        return true;
    }

    /** Delivers what is queued, then ends the session; stops registration retries and backoffs at once. */
    void stop() {
        closing.countDown();
        inbox.add(new Stop());
    }

    /** Ends the current session after the bodies queued before this call; a new one starts with a fresh snapshot. */
    void resubscribe(String reason) {
        MarathonSession current = session;
        if (current != null) {
            inbox.add(new Restart(current.id(), reason));
        }
    }

    Optional<MarathonSession> session() {
        return Optional.ofNullable(session);
    }

    long restarts() {
        return restarts.get();
    }

    Optional<Instant> lastBodyAt() {
        return Optional.ofNullable(lastBodyAt);
    }

    /** Unregisters the callback URL, from the Marathon that took it first; false when none would. */
    boolean unregister() throws InterruptedException {
        URI registered = registeredWith;
        if (registered == null) {
            return true;
        }
        List<URI> candidates = new ArrayList<>(List.of(registered));
        config.marathons().stream().filter(m -> !m.equals(registered)).forEach(candidates::add);
        for (URI marathon : candidates) {
            try {
                rest.unsubscribe(marathon, callbackUrl);
                log.info("Unregistered the callback URL {} from Marathon {}", callbackUrl, marathon);
                registeredWith = null;
                return true;
            } catch (IOException e) {
                log.warn("Cannot unregister the callback URL {} from Marathon {}: {}", callbackUrl, marathon, MarathonHttp.describe(e));
            }
        }
        return false;
    }

    @Override
    public void run() {
        try {
            Optional<URI> marathon = register();
            while (marathon.isPresent() && closing.getCount() > 0) {
                runSession(marathon.get());
                if (closing.getCount() > 0) {
                    restarts.incrementAndGet();
                    Duration delay = backoff.next();
                    log.info("Starting a new Marathon callback session in {} ms", delay.toMillis());
                    if (closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            // close() gave up waiting for a handler callback or a request: nothing more to do.
        }
    }

    /** Registers with the first Marathon that accepts, retrying with backoff; empty when closed first. */
    private Optional<URI> register() throws InterruptedException {
        Backoff retries = new Backoff(config.backoff(), () -> ThreadLocalRandom.current().nextDouble());
        while (closing.getCount() > 0) {
            for (URI marathon : config.marathons()) {
                try {
                    rest.subscribe(marathon, callbackUrl);
                    registeredWith = marathon;
                    log.info("Registered the callback URL {} with Marathon {}", callbackUrl, marathon);
                    return Optional.of(marathon);
                } catch (IOException e) {
                    log.warn("Cannot register the callback URL {} with Marathon {}: {}", callbackUrl, marathon, MarathonHttp.describe(e));
                }
            }
            restarts.incrementAndGet();
            Duration delay = retries.next();
            log.info("Retrying the callback registration in {} ms", delay.toMillis());
            if (closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                break;
            }
        }
        return Optional.empty();
    }

    private void runSession(URI marathon) throws InterruptedException {
        MarathonSession current = new MarathonSession(UUID.randomUUID().toString(), marathon, Transport.CALLBACK, Instant.now());
        session = current;
        log.info("Receiving Marathon {} events at {}, session {}", marathon, callbackUrl, current.id());
        String reason;
        boolean interrupted = false;
        try {
            reason = deliver(current);
        } catch (RuntimeException e) {
            if (closing.getCount() > 0) {
                log.error("Marathon stream handler failed in callback session {}; starting a new session", current.id(), e);
            }
            reason = "handler failed: " + Errors.describe(e);
        } catch (InterruptedException e) {
            interrupted = true;
            reason = CLOSED;
        } finally {
            session = null;
        }
        Duration lasted = Duration.between(current.connectedAt(), Instant.now());
        if (lasted.compareTo(config.backoff().resetAfter()) >= 0) {
            backoff.reset();
        }
        log.info("Marathon callback session {} ended after {} ms: {}", current.id(), lasted.toMillis(), reason);
        try {
            handler.disconnected(current, reason);
        } catch (RuntimeException e) {
            log.error("Marathon stream handler failed on the end of callback session {}", current.id(), e);
        }
        if (interrupted) {
            throw new InterruptedException();
        }
    }

    /** Delivers one session: its snapshot, then the bodies as they come; returns why it ended. */
    private String deliver(MarathonSession current) throws InterruptedException {
        handler.connected(current);
        // Whatever was dropped before this snapshot is read is in it.
        dropped.set(0);
        Optional<String> failed = snapshot(current, false);
        if (failed.isPresent()) {
            return failed.get();
        }
        long offset = 0;
        long nextResync = System.nanoTime() + config.resyncInterval().toNanos();
        while (true) {
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                return lost + " events were dropped: more than " + config.snapshotBufferSize() + " waited for delivery";
            }
            Item item = config.resyncEnabled()
                    ? inbox.poll(Math.max(0, nextResync - System.nanoTime()), TimeUnit.NANOSECONDS)
                    : inbox.take();
            if (item == null) {
                ensureRegistered(current.marathon());
                failed = snapshot(current, true);
                if (failed.isPresent()) {
                    return failed.get();
                }
                nextResync = System.nanoTime() + config.resyncInterval().toNanos();
            } else if (item instanceof Received received) {
                decode(current, received, offset);
                offset += received.size();
            } else if (item instanceof Restart restart) {
                // A request for an earlier session is fulfilled already.
                if (restart.sessionId().equals(current.id())) {
                    return "resubscribing: " + restart.reason();
                }
            } else {
                return CLOSED;
            }
        }
    }

    private Optional<String> snapshot(MarathonSession current, boolean periodic) throws InterruptedException {
        MarathonSnapshot snapshot;
        try {
            snapshot = rest.snapshot(current.marathon(), periodic);
        } catch (IOException e) {
            return Optional.of("reading the snapshot failed: " + MarathonHttp.describe(e));
        }
        log.info("Marathon {} snapshot{} (callback session {}): {} apps, {} deployments, {}", current.marathon(),
                periodic ? " resync" : "", current.id(), snapshot.apps().size(), snapshot.deployments().size(),
                snapshot.podsSupported() ? snapshot.pods().size() + " pods" : "no pod support");
        handler.snapshot(current, snapshot);
        return Optional.empty();
    }

    /** Marathon keeps subscriptions in its state store, but one may have been removed by hand. */
    private void ensureRegistered(URI marathon) throws InterruptedException {
        try {
            if (!rest.eventSubscriptions(marathon).contains(callbackUrl.toString())) {
                log.warn("Marathon {} no longer lists the callback URL {}; registering it again", marathon, callbackUrl);
                rest.subscribe(marathon, callbackUrl);
            }
        } catch (IOException e) {
            log.warn("Cannot check the callback registration with Marathon {}: {}", marathon, MarathonHttp.describe(e));
        }
    }

    private void decode(MarathonSession current, Received received, long offset) {
        if (received.oversized()) {
            handler.malformed(current, new MalformedEvent(received.body(), "a callback body of " + received.size()
                    + " bytes, larger than the maximum event size of " + config.maxEventSize() + " bytes",
                    MalformedEvent.STAGE_CALLBACK, offset));
            return;
        }
        decoder.decode(received.body(), Optional.empty(), index -> offset + index, new EventSink() {
            @Override
            public void event(MarathonEventMessage event) {
                handler.event(current, event);
            }

            @Override
            public void malformed(MalformedEvent malformed) {
                handler.malformed(current, malformed);
            }
        });
    }
}
