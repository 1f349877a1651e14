package io.mesosevents.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends GETs at a fixed rate, open loop: request {@code i} is due at {@code start + i / rate} whether
 * or not the earlier ones have been answered (they run concurrently, over as many connections as the
 * {@link HttpClient} needs), and its latency counts from that moment. A closed loop — send, wait,
 * send — would slow down exactly when the server does, and report the stall as one slow request
 * instead of all those that queued behind it.
 */
final class LatencyRun {

    private static final Logger LOG = LoggerFactory.getLogger(LatencyRun.class);
    /** How long after the last request is due its answers may take, beyond the request timeout. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final HttpClient client;
    private final int ratePerSecond;
    private final Duration requestTimeout;

    LatencyRun(HttpClient client, int ratePerSecond, Duration requestTimeout) {
        this.client = client;
        this.ratePerSecond = ratePerSecond;
        this.requestTimeout = requestTimeout;
    }

    /**
     * GETs {@link RestKeySplit#path} of {@code keys} in turn on {@code instance} for {@code duration}; an
     * answer counts as misrouted unless {@code expectedAnswerer} gave it.
     */
    LatencyFigures run(RestInstances.Instance instance, List<String> keys, String expectedAnswerer, Duration duration)
            throws InterruptedException {
        int count = (int) Math.max(1, duration.toNanos() * ratePerSecond / 1_000_000_000L);
        long period = 1_000_000_000L / ratePerSecond;
        String answerer = "\"answeredBy\":\"" + expectedAnswerer + "\"";
        long[] latencies = new long[count];
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        AtomicInteger misrouted = new AtomicInteger();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[count];
        long maxSendLag = 0;
        long start = System.nanoTime() + period;
        for (int i = 0; i < count; i++) {
            int index = i;
            HttpRequest request = HttpRequest.newBuilder(instance.uri(RestKeySplit.path(keys.get(i % keys.size()))))
                    .timeout(requestTimeout).GET().build();
            long due = start + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            maxSendLag = Math.max(maxSendLag, System.nanoTime() - due);
            answers[i] = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                latencies[index] = System.nanoTime() - due;
                if (failure != null) {
                    errors.merge(describe(failure), 1, Integer::sum);
                } else if (response.statusCode() != 200) {
                    errors.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                } else if (!response.body().contains(answerer)) {
                    misrouted.incrementAndGet();
                }
                return null;
            });
        }
        awaitAll(answers);
        long elapsed = System.nanoTime() - start;
        return new LatencyFigures(count, errors, misrouted.get(), latencies, maxSendLag, elapsed);
    }

    private void awaitAll(CompletableFuture<?>[] answers) throws InterruptedException {
        try {
            CompletableFuture.allOf(answers).get(requestTimeout.plus(DRAIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A request's bookkeeping failed", e.getCause());
        } catch (TimeoutException e) {
            LOG.warn("Some requests were neither answered nor timed out {} after the last was due", requestTimeout.plus(DRAIN));
            throw new IllegalStateException("Requests still open after their timeout", e);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
    }
}
