package io.mesosevents.simulator.marathon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers events to one legacy HTTP callback subscriber, as Marathon's {@code http_callback}
 * event subscriber does: every event POSTed as one JSON body, in order, one at a time, from a
 * thread of its own. A subscriber that cannot keep up loses events beyond the queue limit; failed
 * deliveries are not retried.
 */
final class CallbackSender {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackSender.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    final String url;
    private final HttpClient http;
    private final BlockingQueue<BusEvent> queue;
    private final Thread thread;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean stopped;
    /** Whether the last delivery failed: failures are logged when they begin and end, not each one. */
    private boolean failing;

    CallbackSender(String url, HttpClient http, int queueLimit) {
        this.url = url;
        this.http = http;
        this.queue = new ArrayBlockingQueue<>(queueLimit);
        this.thread = new Thread(this::run, "marathon-simulator-callback");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void offer(BusEvent event) {
        if (!queue.offer(event) && dropped.getAndIncrement() == 0) {
            LOG.warn("Callback {} cannot keep up; dropping events beyond {} queued", url, queue.size());
        }
    }

    /** Stops after the delivery in progress; what is still queued is not sent. */
    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void run() {
        try {
            while (!stopped) {
                post(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Callback {} stopped after {} event(s) delivered, {} dropped", url, delivered.get(), dropped.get());
    }

    private void post(BusEvent event) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event.json())).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            delivered.incrementAndGet();
            healthy(response.statusCode() < 300, "answered " + response.statusCode());
        } catch (IOException | IllegalArgumentException e) {
            healthy(false, e.toString());
        }
    }

    private void healthy(boolean ok, String failure) {
        if (!ok && !failing) {
            LOG.warn("Callback {} failing: {}", url, failure);
        } else if (ok && failing) {
            LOG.info("Callback {} delivering again", url);
        }
        failing = !ok;
    }
}
