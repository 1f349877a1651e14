package io.mesosevents.ingestor.leader;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers every leadership call in order and counts, across all listeners sharing {@code leaders},
 * how many replicas lead at once. Its first {@code failingElections} elections throw, as an ingestion
 * that cannot start would.
 */
final class RecordingListener implements LeadershipListener {

    static final String ELECTED = "elected";
    static final String REVOKED = "revoked";

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Leaders leaders;
    private final AtomicInteger failingElections;
    private volatile boolean leading;

    /** How many listeners lead at once, and the most there ever were. */
    static final class Leaders {
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        int most() {
            return most.get();
        }
    }

    RecordingListener(Leaders leaders) {
        this(leaders, 0);
    }

    RecordingListener(Leaders leaders, int failingElections) {
        this.leaders = leaders;
        this.failingElections = new AtomicInteger(failingElections);
    }

    @Override
    public void elected() {
        calls.add(ELECTED);
        leading = true;
        leaders.most.accumulateAndGet(leaders.now.incrementAndGet(), Math::max);
        if (failingElections.getAndDecrement() > 0) {
            throw new IllegalStateException("the ingestion could not start");
        }
    }

    @Override
    public void revoked() {
        calls.add(REVOKED);
        leading = false;
        leaders.now.decrementAndGet();
    }

    boolean leading() {
        return leading;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    /** Waits until this listener leads, returning how long that took. */
    Duration awaitLeading(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        Eventually.holds(timeout, this::leading, "elected");
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
