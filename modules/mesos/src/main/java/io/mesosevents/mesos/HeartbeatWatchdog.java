package io.mesosevents.mesos;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Declares a session's stream dead when no bytes arrive for too long, and then runs
 * {@code onStall} (which closes the stream, failing the blocked read). The HTTP client has no
 * read timeout, and a master that vanished behind a firewall leaves a socket that never errors.
 *
 * <p>Until {@code SUBSCRIBED} the limit is the first-byte timeout; after it, N heartbeat intervals.
 * Silence counts only while the reader waits for bytes: while the handler works (a snapshot
 * written to Kafka may take longer than the limit) unread bytes simply queue up in the connection.
 * One check is pending at a time, due when the limit would run out if no more bytes came.
 */
final class HeartbeatWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatWatchdog.class);

    private final ScheduledExecutorService scheduler;
    private final MesosSession session;
    private final int misses;
    private final Runnable onStall;

    private volatile long waitingSinceNanos = System.nanoTime();
    private volatile boolean busy;
    private volatile String stallReason;
    // Guarded by this: the limit, the pending check and its generation. A check whose
    // generation is stale was superseded while it waited for the lock.
    private long limitNanos;
    private String limitDescription;
    private ScheduledFuture<?> pending;
    private long generation;
    private boolean closed;

    HeartbeatWatchdog(ScheduledExecutorService scheduler, MesosSession session, Duration firstByteTimeout, int misses, Runnable onStall) {
        this.scheduler = scheduler;
        this.session = session;
        this.misses = misses;
        this.onStall = onStall;
        this.limitNanos = firstByteTimeout.toNanos();
        this.limitDescription = "the first-byte timeout of " + firstByteTimeout.toMillis() + " ms before SUBSCRIBED";
    }

    synchronized void start() {
        schedule(limitNanos);
    }

    /** Bytes arrived: the reader is busy with them and not waiting for the master. */
    void busy() {
        busy = true;
    }

    /** The reader waits for the master again. */
    void waiting() {
        waitingSinceNanos = System.nanoTime();
        busy = false;
    }

    /** From now on the stream may be silent for {@code misses} heartbeat intervals. */
    synchronized void heartbeatInterval(Duration interval) {
        limitNanos = interval.toNanos() * misses;
        limitDescription = misses + " × the heartbeat interval of " + interval.toMillis() + " ms";
        schedule(limitNanos);
    }

    /** Why the stream was declared dead, or null while it lives. */
    String stallReason() {
        return stallReason;
    }

    @Override
    public synchronized void close() {
        closed = true;
        cancelPending();
    }

    private void schedule(long delayNanos) {
        cancelPending();
        if (!closed) {
            long scheduled = ++generation;
            pending = scheduler.schedule(() -> check(scheduled), delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private synchronized void check(long scheduled) {
        if (closed || scheduled != generation) {
            return;
        }
        long silentNanos = busy ? 0 : System.nanoTime() - waitingSinceNanos;
        if (silentNanos < limitNanos) {
            schedule(limitNanos - silentNanos);
            return;
        }
        pending = null;
        stallReason = "no bytes for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms, beyond " + limitDescription;
        log.warn("Mesos master {} (session {}): {}; closing the stream to resubscribe", session.master(), session.id(), stallReason);
        onStall.run();
    }
}
