package io.mesosevents.simulator.mesos;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Switches the fault modes of a running simulator and remembers the lasting ones. */
final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    private final EventHub hub;
    private final AtomicReference<LeaderState> leaderState = new AtomicReference<>(LeaderState.LEADING);
    private final AtomicInteger restarts = new AtomicInteger();

    Faults(EventHub hub) {
        this.hub = hub;
    }

    LeaderState leaderState() {
        return leaderState.get();
    }

    int restarts() {
        return restarts.get();
    }

    /** A master that stops leading drops its subscribers, as a real one exits and restarts. */
    void setLeadership(LeaderState state) {
        leaderState.set(state);
        int closed = state.leadership() == Leadership.LEADING ? 0 : hub.endAll(Outgoing.Ending.ABORT);
        switch (state.leadership()) {
            case LEADING -> LOG.info("Fault mode: leading again");
            case FOLLOWING -> LOG.info("Fault mode: following, 307 to //{}{}; closed {} subscription(s)",
                    state.leader(), OperatorApi.PATH, closed);
            case NO_LEADER -> LOG.info("Fault mode: no leader, 503; closed {} subscription(s)", closed);
        }
    }

    void setStalled(boolean stalled) {
        hub.setStalled(stalled);
        LOG.info(stalled ? "Fault mode: stalled, sending nothing (heartbeats neither)" : "Fault mode: stall cleared");
    }

    void dropSubscriptions() {
        LOG.info("Fault: dropping {} subscription(s) mid-record", hub.endAll(Outgoing.Ending.DROP_MID_RECORD));
    }

    void restart() {
        int closed = hub.restart();
        restarts.incrementAndGet();
        LOG.info("Fault: master restarted as {}; closed {} subscription(s)", hub.figures().masterId(), closed);
    }

    void sendGarbage(GarbageKind kind) {
        LOG.info("Fault: sending a malformed {} to {} subscription(s)", kind == GarbageKind.FRAME ? "RecordIO frame" : "record",
                hub.sendGarbage(kind));
    }
}
