package io.mesosevents.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks a simulator's model for events at the configured rate on its own thread, until
 * {@code maxEvents} (if any) have been made. Pacing decides only when events come out, never which.
 */
public final class Pacer {

    /** Makes the next {@code count} events of the model. */
    @FunctionalInterface
    public interface Generator {
        void generate(int count);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Pacer.class);
    private static final int MAX_BATCH = 512;
    private static final long MIN_PARK_NANOS = 200_000;

    private final Generator generator;
    private final double rate;
    private final long maxEvents;
    private final Thread thread;
    private volatile boolean closed;

    /** @param name the simulator, for the thread's name and the log */
    public Pacer(String name, Generator generator, double rate, OptionalLong maxEvents) {
        this.generator = generator;
        this.rate = rate;
        this.maxEvents = maxEvents.orElse(Long.MAX_VALUE);
        this.thread = new Thread(this::run, name + "-simulator-events");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        long start = System.nanoTime();
        long made = 0;
        while (!closed && made < maxEvents) {
            long now = System.nanoTime();
            long due = Math.min(maxEvents, (long) ((now - start) / 1e9 * rate));
            if (due - made > Math.max(rate, MAX_BATCH)) {
                // Woken after a long pause (GC, a suspended machine): keep the pace rather than burst the backlog.
                start = now - (long) (made / rate * 1e9);
                continue;
            }
            if (due > made) {
                int batch = (int) Math.min(due - made, MAX_BATCH);
                generator.generate(batch);
                made += batch;
            } else {
                long nextDue = start + (long) ((made + 1) / rate * 1e9);
                LockSupport.parkNanos(Math.max(MIN_PARK_NANOS, nextDue - now));
            }
        }
        if (made >= maxEvents) {
            LOG.info("{} made the {} events asked for; from now on it only keeps its streams alive", thread.getName(), made);
        }
    }

    /** Stops making events and waits for the thread to end. */
    public void stop() throws InterruptedException {
        closed = true;
        LockSupport.unpark(thread);
        thread.join();
    }
}
