package io.mesosevents.marathon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mesosevents.marathon.sse.SseParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Receives Marathon's events as HTTP callbacks, the event bus of Marathon up to 1.4 besides SSE:
 * registers its URL with {@code POST /v2/eventSubscriptions?callbackUrl=…}, answers every event
 * POST at once, and hands the events to a {@link MarathonStreamHandler} on its own thread, in
 * sessions of transport {@link Transport#CALLBACK} that start with a snapshot. Unregisters on close.
 *
 * <p>The port is bound by the constructor; {@link #start()} once, {@link #close()} once.
 */
public final class CallbackReceiver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallbackReceiver.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    private final MarathonClientConfig config;
    private final HttpServer server;
    // One thread, so that bodies are queued in the order they were received.
    private final ExecutorService serverThread = Executors.newSingleThreadExecutor(task -> new Thread(task, "marathon-callback-http"));
    private final URI callbackUrl;
    private final CallbackDispatcher dispatcher;
    private final Thread dispatcherThread;
    private volatile boolean closed;

    /** Binds the receiver's port, so that its {@link #callbackUrl()} is known. */
    public CallbackReceiver(MarathonClientConfig config, CallbackReceiverConfig receiver, MarathonStreamHandler handler) throws IOException {
        this.config = config;
        this.server = HttpServer.create(new InetSocketAddress(receiver.host(), receiver.port()), 0);
        try {
            this.callbackUrl = receiver.callbackUrl(server.getAddress().getPort());
        } catch (IllegalArgumentException e) {
            server.stop(0);
            throw e;
        }
        server.createContext(receiver.path(), this::receive);
        server.setExecutor(serverThread);
        ObjectMapper mapper = new ObjectMapper();
        this.dispatcher = new CallbackDispatcher(config, new MarathonRestClient(new MarathonHttp(config), mapper), handler, callbackUrl, mapper);
        this.dispatcherThread = new Thread(dispatcher, "marathon-callback");
    }

    /** Starts accepting events, then registers the callback URL (retrying until Marathon accepts it). */
    public void start() {
        server.start();
        dispatcherThread.start();
        log.info("Listening for Marathon event callbacks on {}, registering {}", server.getAddress(), callbackUrl);
    }

    /** The URL registered with Marathon. */
    public URI callbackUrl() {
        return callbackUrl;
    }

    /** The session receiving now, if any. */
    public Optional<MarathonSession> session() {
        return dispatcher.session();
    }

    /**
     * Ends the current session, if there is one, after the events already received, so that a new
     * one starts with a fresh snapshot (e.g. after the handler could not store part of the stream).
     * The registration stays.
     */
    public void resubscribe(String reason) {
        log.info("Ending the current Marathon callback session to start over: {}", reason);
        dispatcher.resubscribe(reason);
    }

    /** How many times the receiver started over: registration retries and ended sessions. */
    public long reconnects() {
        return dispatcher.restarts();
    }

    /** When the last event body arrived. */
    public Optional<Instant> lastByteAt() {
        return dispatcher.lastBodyAt();
    }

    /**
     * Delivers the events already received, ends the session, unregisters the callback URL and
     * stops listening. From a handler callback it only stops the session and unregisters.
     */
    @Override
    public void close() {
        closed = true;
        dispatcher.stop();
        if (Thread.currentThread() != dispatcherThread) {
            try {
                dispatcherThread.join(JOIN_TIMEOUT.toMillis());
                if (dispatcherThread.isAlive()) {
                    log.warn("The Marathon callback thread did not stop within {} ms; interrupting it", JOIN_TIMEOUT.toMillis());
                    dispatcherThread.interrupt();
                    dispatcherThread.join(JOIN_TIMEOUT.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (!dispatcher.unregister()) {
                log.warn("The callback URL {} stays registered: Marathon will keep trying to reach it", callbackUrl);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        serverThread.shutdownNow();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream in = exchange.getRequestBody();
            byte[] body = in.readNBytes(config.maxEventSize() + 1);
            long size = body.length;
            boolean oversized = body.length > config.maxEventSize();
            if (oversized) {
                // The rest is read only to count it; the dead letter keeps the start.
                size += in.transferTo(OutputStream.nullOutputStream());
                body = Arrays.copyOf(body, Math.min(body.length, SseParser.EXCERPT_BYTES));
            }
            // 503 tells Marathon's log that the event was not taken: closing, or far behind.
            boolean taken = !closed && dispatcher.offer(body, size, oversized);
            exchange.sendResponseHeaders(!taken ? 503 : oversized ? 413 : 200, -1);
        }
    }
}
