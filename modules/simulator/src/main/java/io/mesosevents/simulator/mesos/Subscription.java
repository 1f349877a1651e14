package io.mesosevents.simulator.mesos;

import io.mesosevents.mesos.MesosEncoding;
import org.apache.mesos.v1.master.Protos.Event;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One subscriber's queue: its {@code SUBSCRIBED} snapshot, then the events published after it, in
 * order. The hub fills it; the subscriber's stream writer drains it. While stalled, nothing comes
 * out (events keep queuing); an ending comes out ahead of anything, stalled or not.
 */
final class Subscription {

    final long id;
    final MesosEncoding encoding;
    final String client;
    private final int limit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Outgoing> queue = new ArrayDeque<>();
    private boolean stalled;
    private Outgoing.Ending ending;

    Subscription(long id, MesosEncoding encoding, String client, Event subscribed, boolean stalled, int limit) {
        this.id = id;
        this.encoding = encoding;
        this.client = client;
        this.stalled = stalled;
        this.limit = limit;
        queue.add(new Outgoing.Send(subscribed));
    }

    /** Queues an event; false if the subscriber is {@code limit} events behind and must be cut off. */
    boolean offer(Event event) {
        lock.lock();
        try {
            if (queue.size() >= limit) {
                return false;
            }
            queue.addLast(new Outgoing.Send(event));
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    void offerGarbage(GarbageKind kind) {
        lock.lock();
        try {
            queue.addLast(new Outgoing.Garbage(kind));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the subscription; the first ending asked for wins. */
    void end(Outgoing.Ending how) {
        lock.lock();
        try {
            if (ending == null) {
                ending = how;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void setStalled(boolean value) {
        lock.lock();
        try {
            stalled = value;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for what to write next: an ending, else (unless stalled) the next queued item, else a
     * heartbeat once {@code heartbeatDueNanos} (a {@link System#nanoTime()} value) has passed.
     */
    Outgoing next(long heartbeatDueNanos) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (ending != null) {
                    return new Outgoing.End(ending);
                }
                if (stalled) {
                    changed.await();
                    continue;
                }
                if (!queue.isEmpty()) {
                    return queue.removeFirst();
                }
                long wait = heartbeatDueNanos - System.nanoTime();
                if (wait <= 0) {
                    return new Outgoing.HeartbeatDue();
                }
                changed.await(wait, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next queued event without taking it, if one is queued: the record to cut in half on a drop. */
    Event peekEvent() {
        lock.lock();
        try {
            return queue.peekFirst() instanceof Outgoing.Send send ? send.event() : null;
        } finally {
            lock.unlock();
        }
    }
}
