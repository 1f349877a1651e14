package io.mesosevents.simulator.mesos;

import io.mesosevents.mesos.MesosEncoding;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Owns the cluster simulation and its subscribers, behind one lock: an event is made and handed to
 * every subscriber in one step, and a new subscriber's snapshot is taken in one step with joining
 * the list. So a snapshot plus the events queued after it always add up to the truth.
 */
final class EventHub {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final Object lock = new Object();
    private final ClusterSimulation simulation;
    private final double heartbeatIntervalSeconds;
    private final int queueLimit;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private long nextSubscriptionId;
    private boolean stalled;

    EventHub(ClusterSimulation simulation, double heartbeatIntervalSeconds, int queueLimit) {
        this.simulation = simulation;
        this.heartbeatIntervalSeconds = heartbeatIntervalSeconds;
        this.queueLimit = queueLimit;
    }

    Subscription subscribe(MesosEncoding encoding, String client) {
        synchronized (lock) {
            Event subscribed = Events.subscribed(simulation.state(), heartbeatIntervalSeconds);
            Subscription subscription = new Subscription(++nextSubscriptionId, encoding, client, subscribed, stalled, queueLimit);
            subscriptions.add(subscription);
            return subscription;
        }
    }

    void unsubscribe(Subscription subscription) {
        synchronized (lock) {
            subscriptions.remove(subscription);
        }
    }

    /** Makes {@code count} events and queues each for every subscriber. */
    void generate(int count) {
        synchronized (lock) {
            for (int i = 0; i < count; i++) {
                publish(simulation.next());
            }
            lock.notifyAll();
        }
    }

    /**
     * Makes a change asked for from outside the model (an external scheduler's call) and queues its
     * events for every subscriber, in one step; returns its answer. A refused change throws and
     * leaves the cluster as it was.
     */
    <T> T change(Function<ClusterSimulation, Changed<T>> change) {
        synchronized (lock) {
            Changed<T> changed = change.apply(simulation);
            changed.events().forEach(this::publish);
            lock.notifyAll();
            return changed.answer();
        }
    }

    private void publish(Event event) {
        for (Iterator<Subscription> it = subscriptions.iterator(); it.hasNext(); ) {
            Subscription subscription = it.next();
            if (!subscription.offer(event)) {
                LOG.warn("Subscriber {} ({}) is {} events behind; disconnecting it", subscription.id,
                        subscription.client, queueLimit);
                subscription.end(Outgoing.Ending.ABORT);
                it.remove();
            }
        }
    }

    /** Waits until at least {@code count} events have been made; false on timeout. */
    boolean awaitEmitted(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (simulation.emitted() < count) {
                long waitMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (waitMillis <= 0) {
                    return false;
                }
                lock.wait(waitMillis);
            }
            return true;
        }
    }

    GetState truth() {
        synchronized (lock) {
            return simulation.state();
        }
    }

    /** Ends every open subscription; returns how many there were. */
    int endAll(Outgoing.Ending ending) {
        synchronized (lock) {
            int count = subscriptions.size();
            subscriptions.forEach(subscription -> subscription.end(ending));
            subscriptions.clear();
            return count;
        }
    }

    void setStalled(boolean value) {
        synchronized (lock) {
            stalled = value;
            subscriptions.forEach(subscription -> subscription.setStalled(value));
        }
    }

    /** Queues malformed input for every open subscription; returns how many got it. */
    int sendGarbage(GarbageKind kind) {
        synchronized (lock) {
            subscriptions.forEach(subscription -> subscription.offerGarbage(kind));
            return subscriptions.size();
        }
    }

    /**
     * The master restarts or another takes over: open subscriptions break and the simulation fails
     * over. {@code handOver} runs in the same step, so that a subscriber joins either before it (and
     * is ended) or after it (and gets the new master's snapshot).
     */
    int failover(Runnable handOver) {
        synchronized (lock) {
            int ended = endAll(Outgoing.Ending.ABORT);
            handOver.run();
            simulation.failover();
            return ended;
        }
    }

    Figures figures() {
        synchronized (lock) {
            return new Figures(simulation.masterId(), simulation.emitted(), subscriptions.size(), stalled,
                    simulation.liveTasks(), simulation.activeAgents(), simulation.registeredFrameworks());
        }
    }

    /** Figures about the hub read in one step. */
    record Figures(String masterId, long eventsEmitted, int subscribers, boolean stalled, int liveTasks,
                    int activeAgents, int registeredFrameworks) {
    }
}
