package io.mesosevents.simulator.marathon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Switches the fault modes of a running simulator and remembers the lasting ones. */
final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    private final EventBus bus;
    private final AtomicReference<LeaderState> leader = new AtomicReference<>(LeaderState.LEADING);
    private final AtomicReference<Set<StreamQuirk>> quirks = new AtomicReference<>(Set.of());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "marathon-simulator-faults");
        thread.setDaemon(true);
        return thread;
    });
    private final Object regainLock = new Object();
    private ScheduledFuture<?> regain;

    Faults(EventBus bus) {
        this.bus = bus;
    }

    LeaderState leaderState() {
        return leader.get();
    }

    Set<StreamQuirk> quirks() {
        return quirks.get();
    }

    /** A standby: {@code /v2/events} redirects to {@code leaderHostPort}; open streams close, as the old leader's do. */
    void standby(String leaderHostPort) {
        LeaderState state = LeaderState.standby(leaderHostPort);
        cancelRegain();
        leader.set(state);
        LOG.info("Fault mode: standby, /v2/events redirects (302) to {}; closed {} stream(s)", leaderHostPort,
                bus.endAll(StreamItem.Ending.ABORT, "leadership moved to " + leaderHostPort));
    }

    /**
     * Leadership is lost: every stream closes and everything answers 503 until {@link #lead()},
     * or until {@code regainAfter} has passed when it is not null.
     */
    void loseLeadership(Duration regainAfter) {
        cancelRegain();
        leader.set(LeaderState.NO_LEADER);
        int closed = bus.endAll(StreamItem.Ending.ABORT, "leadership lost");
        if (regainAfter != null) {
            synchronized (regainLock) {
                regain = timer.schedule(this::lead, regainAfter.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        LOG.info("Fault mode: leadership lost{}; closed {} stream(s)",
                regainAfter == null ? "" : ", leading again in " + regainAfter.toMillis() + " ms", closed);
    }

    void lead() {
        cancelRegain();
        if (leader.getAndSet(LeaderState.LEADING).mode() != LeaderMode.LEADING) {
            LOG.info("Fault mode cleared: leading again");
        }
    }

    /** Every stream's connection breaks in the middle of a frame. */
    void dropStreams() {
        LOG.info("Fault: dropping {} stream(s) mid-frame", bus.endAll(StreamItem.Ending.DROP_MID_FRAME, "dropped mid-frame"));
    }

    /** Every stream is closed as Marathon closes one that fell too far behind. */
    void closeSlowConsumers() {
        LOG.info("Fault: closing {} stream(s) as slow consumers",
                bus.endAll(StreamItem.Ending.ABORT, "slow consumer (closed on request)"));
    }

    void setQuirk(StreamQuirk quirk, boolean on) {
        Set<StreamQuirk> next = EnumSet.noneOf(StreamQuirk.class);
        next.addAll(quirks.get());
        if (on) {
            next.add(quirk);
        } else {
            next.remove(quirk);
        }
        setQuirks(next);
    }

    /** Exactly these quirks from the next frame on. */
    void setQuirks(Set<StreamQuirk> on) {
        Set<StreamQuirk> before = quirks.getAndSet(Set.copyOf(on));
        if (!before.equals(on)) {
            LOG.info("Fault mode: stream quirks now {}", on.stream().map(StreamQuirk::wireName).sorted().toList());
        }
    }

    void close() {
        timer.shutdownNow();
    }

    private void cancelRegain() {
        synchronized (regainLock) {
            if (regain != null) {
                regain.cancel(false);
                regain = null;
            }
        }
    }
}
