package io.mesosevents.ingestor;

import io.mesosevents.ingestor.metrics.IngestMetrics;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * What an ingestion does when its writer fails, the same for every source: a fatal failure (a newer
 * ingestor fenced this one, or the producer broke) stops the source and gives up the lead; any
 * other makes the next session reload the state from Kafka and starts one, so a fresh snapshot
 * repairs the gap.
 */
final class WriteFailureResponse implements AutoCloseable {

    private final IngestMetrics metrics;
    private final Runnable onFenced;
    // Closing or restarting the source must not happen on the writer's own thread.
    private final ExecutorService control;
    private volatile EventSource source;
    private volatile Runnable reloadOnNextSession;
    private volatile boolean fenced;

    WriteFailureResponse(IngestMetrics metrics, Runnable onFenced, String threadName) {
        this.metrics = metrics;
        this.onFenced = onFenced;
        this.control = Executors.newSingleThreadExecutor(r -> new Thread(r, threadName));
    }

    /** What the response acts on, once it exists. */
    void attach(Runnable reloadOnNextSession, EventSource source) {
        this.reloadOnNextSession = reloadOnNextSession;
        this.source = source;
    }

    /** True once the writer can no longer write: the replica should give up the lead. */
    boolean fenced() {
        return fenced;
    }

    /** For the writer: called on its thread with every failure. */
    Consumer<WriteFailure> listener() {
        return this::failed;
    }

    private void failed(WriteFailure failure) {
        metrics.writeFailed();
        EventSource current = source;
        if (current == null) {
            fenced |= failure.fatal();
            return;
        }
        try {
            if (failure.fatal()) {
                fenced = true;
                control.execute(() -> {
                    current.close().run();
                    onFenced.run();
                });
            } else {
                reloadOnNextSession.run();
                control.execute(() -> current.resubscribe().accept("a write to Kafka failed: " + failure.reason()));
            }
        } catch (RejectedExecutionException e) {
            // Closing already: nothing left to stop or restart.
        }
    }

    @Override
    public void close() {
        control.shutdownNow();
    }
}
