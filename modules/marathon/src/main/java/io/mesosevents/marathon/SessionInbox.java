package io.mesosevents.marathon;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Everything that happens to one SSE session, in one queue for its thread to take in order: the
 * stream's bytes (this is the response's body subscriber), its end, the snapshot reader's result,
 * and a request to stop. One queue lets the session thread wait for all of them at once, and
 * keeps every byte received before the connection broke ahead of the news that it broke.
 *
 * <p>Bytes are asked for one delivery at a time, when the previous one is taken: a slow handler
 * leaves the rest in the connection instead of in memory.
 */
final class SessionInbox implements HttpResponse.BodySubscriber<SessionInbox> {

    sealed interface Signal permits Bytes, Ended, SnapshotRead, SnapshotFailed, Stop {
    }

    /** Bytes of the stream, as one delivery of the HTTP client. */
    record Bytes(List<ByteBuffer> buffers, Instant receivedAt) implements Signal {
    }

    /** The stream ended: completely, or with an error. */
    record Ended(Optional<Throwable> error) implements Signal {
    }

    record SnapshotRead(MarathonSnapshot snapshot) implements Signal {
    }

    record SnapshotFailed(Exception error) implements Signal {
    }

    /** End the session, e.g. because the subscriber closes or was asked to resubscribe. */
    record Stop(String reason) implements Signal {
    }

    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private volatile boolean cancelled;

    @Override
    public CompletionStage<SessionInbox> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.complete(s)) {
            s.cancel();
            return;
        }
        // Checked after publishing the subscription: either cancel() sees it or this sees cancel().
        if (cancelled) {
            s.cancel();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        signals.add(new Bytes(Objects.requireNonNull(buffers), Instant.now()));
    }

    @Override
    public void onError(Throwable error) {
        signals.add(new Ended(Optional.of(error)));
    }

    @Override
    public void onComplete() {
        signals.add(new Ended(Optional.empty()));
    }

    /** Adds a signal from outside the HTTP client. */
    void post(Signal signal) {
        signals.add(signal);
    }

    /** The next signal, waiting up to {@code timeoutNanos}; null when none came. */
    Signal poll(long timeoutNanos) throws InterruptedException {
        Signal signal = signals.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        if (signal instanceof Bytes) {
            subscription.join().request(1);
        }
        return signal;
    }

    /** Drops the connection; bytes already queued stay readable. */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription.getNow(null);
        if (s != null) {
            s.cancel();
        }
    }
}
