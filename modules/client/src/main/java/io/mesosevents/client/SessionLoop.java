package io.mesosevents.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The thread a source client reads on: one session after another, with jittered backoff between
 * attempts, until closed. The backoff starts over after a session that streamed for
 * {@link BackoffPolicy#resetAfter()}. Both the Mesos and the Marathon subscribers run on one.
 */
public final class SessionLoop {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLoop.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    /** One attempt: connect, stream a session to its end. */
    @FunctionalInterface
    public interface Attempt {
        /** @return how long a session streamed; {@link Duration#ZERO} when none opened */
        Duration run() throws InterruptedException;
    }

    private final String source;
    private final BackoffPolicy policy;
    private final Backoff backoff;
    private final Attempt attempt;
    private final Runnable onStopped;
    private final Thread thread;
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param source     what is read, for log lines ("Mesos", "Marathon")
     * @param threadName the reading thread's name
     * @param onStopped  runs on the reading thread as it ends (e.g. to stop helper executors)
     */
    public SessionLoop(String source, String threadName, BackoffPolicy policy, Attempt attempt, Runnable onStopped) {
        this.source = source;
        this.policy = policy;
        this.backoff = new Backoff(policy, () -> ThreadLocalRandom.current().nextDouble());
        this.attempt = attempt;
        this.onStopped = onStopped;
        this.thread = new Thread(this::run, threadName);
    }

    public void start() {
        thread.start();
    }

    public boolean closed() {
        return closed;
    }

    /** How many times the loop started over after a failed attempt or an ended session. */
    public long reconnects() {
        return reconnects.get();
    }

    /**
     * Stops: marks the loop closed, runs {@code endSession} (which must make a running session
     * return), then interrupts and waits for the reading thread — unless called from it, i.e. from
     * a handler callback.
     */
    public void close(Runnable endSession) {
        closed = true;
        endSession.run();
        if (Thread.currentThread() == thread) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The {} subscriber thread did not stop within {} ms (a handler callback still runs)", source, JOIN_TIMEOUT.toMillis());
        }
    }

    private void run() {
        try {
            while (!closed) {
                Duration streamed = attempt.run();
                if (streamed.compareTo(policy.resetAfter()) >= 0) {
                    backoff.reset();
                }
                if (!closed) {
                    reconnects.incrementAndGet();
                    Duration delay = backoff.next();
                    LOG.info("Reconnecting to {} in {} ms", source, delay.toMillis());
                    Thread.sleep(delay.toMillis());
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts a backoff sleep or a pending request: nothing more to do.
        } finally {
            onStopped.run();
        }
        LOG.info("{} subscriber stopped", source);
    }
}
