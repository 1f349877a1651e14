package io.mesosevents.simulator.mesos;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Switches the fault modes of a running simulated cluster and remembers the lasting ones, the
 * election among its front-ends included. Subscriptions are only ever the leader's, so the faults
 * that act on streams act on the leader.
 */
final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    private final EventHub hub;
    private final int masters;
    private final AtomicReference<Election> election = new AtomicReference<>(new Election(LeaderState.LEADING, 0));
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger failovers = new AtomicInteger();

    /** @param masters how many front-ends the cluster has; the first leads. */
    Faults(EventHub hub, int masters) {
        this.hub = hub;
        this.masters = masters;
    }

    Election election() {
        return election.get();
    }

    int restarts() {
        return restarts.get();
    }

    int failovers() {
        return failovers.get();
    }

    /** {@code index} if it names a front-end of the cluster. */
    int requireFrontEnd(int index) {
        if (index < 0 || index >= masters) {
            throw new IllegalArgumentException("The cluster's masters are numbered 0 to " + (masters - 1) + ", not " + index);
        }
        return index;
    }

    /** The front-end after the elected one, in turn: whom a failover goes to when nobody is named. */
    int successor() {
        return (election.get().elected() + 1) % masters;
    }

    /**
     * Sets how every front-end answers, leaving who was elected as it is. A master that stops
     * leading drops its subscribers, as a real one exits and restarts.
     */
    void setLeadership(LeaderState state) {
        Election now = election.updateAndGet(previous -> new Election(state, previous.elected()));
        int closed = state.leadership() == Leadership.LEADING ? 0 : hub.endAll(Outgoing.Ending.ABORT);
        switch (state.leadership()) {
            case LEADING -> LOG.info("Fault mode: master {} leading again", now.elected());
            case FOLLOWING -> LOG.info("Fault mode: following, 307 to //{}{}; closed {} subscription(s)",
                    state.leader(), OperatorApi.PATH, closed);
            case NO_LEADER -> LOG.info("Fault mode: no leader, 503; closed {} subscription(s)", closed);
        }
    }

    /**
     * Master {@code index} is elected: the old leader's subscriptions close, the others redirect to
     * the new one, which serves the same cluster under a new master id. The switch and the new id
     * are one step, so no subscriber sees the new leader with the old master's state or the reverse.
     */
    void failover(int index) {
        requireFrontEnd(index);
        int closed = hub.failover(() -> election.set(new Election(LeaderState.LEADING, index)));
        failovers.incrementAndGet();
        LOG.info("Fault: failover, master {} leads as {}; closed {} subscription(s)", index, hub.figures().masterId(), closed);
    }

    void setStalled(boolean stalled) {
        hub.setStalled(stalled);
        LOG.info(stalled ? "Fault mode: stalled, sending nothing (heartbeats neither)" : "Fault mode: stall cleared");
    }

    void dropSubscriptions() {
        LOG.info("Fault: dropping {} subscription(s) mid-record", hub.endAll(Outgoing.Ending.DROP_MID_RECORD));
    }

    /** The master restarts: a new master id as on a failover, but leadership stays as it was. */
    void restart() {
        int closed = hub.failover(() -> { });
        restarts.incrementAndGet();
        LOG.info("Fault: master restarted as {}; closed {} subscription(s)", hub.figures().masterId(), closed);
    }

    void sendGarbage(GarbageKind kind) {
        LOG.info("Fault: sending a malformed {} to {} subscription(s)", kind == GarbageKind.FRAME ? "RecordIO frame" : "record",
                hub.sendGarbage(kind));
    }
}
