package io.mesosevents.simulator.marathon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One {@code /v2/events} connection's queue: the events published since it attached that its
 * {@code event_type} filter lets through, in order. The bus fills it; the connection's writer
 * drains it. An ending comes out ahead of anything queued.
 */
final class StreamSubscriber {

    final long id;
    final String remoteAddress;
    /** The event types asked for; empty for every type. */
    final Set<String> eventTypes;
    final AtomicLong eventsSent = new AtomicLong();
    private final int limit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<BusEvent> queue = new ArrayDeque<>();
    private StreamItem.Ending ending;
    private String endReason;
    /** Closes the connection under a writer that may be stuck in a write; set by the writer. */
    private Runnable abort = () -> { };

    StreamSubscriber(long id, String remoteAddress, Set<String> eventTypes, int limit) {
        this.id = id;
        this.remoteAddress = remoteAddress;
        this.eventTypes = Set.copyOf(eventTypes);
        this.limit = limit;
    }

    boolean accepts(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }

    /** Queues an event; false if the subscriber is {@code limit} events behind and must be cut off. */
    boolean offer(BusEvent event) {
        lock.lock();
        try {
            if (queue.size() >= limit) {
                return false;
            }
            queue.addLast(event);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    void onAbort(Runnable action) {
        lock.lock();
        try {
            abort = action;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the connection; the first ending asked for wins. An abort also closes the connection at
     * once, which a writer blocked on a client that stopped reading would otherwise never notice.
     */
    void end(StreamItem.Ending how, String reason) {
        Runnable closeNow = null;
        lock.lock();
        try {
            if (ending == null) {
                ending = how;
                endReason = reason;
                changed.signalAll();
                closeNow = how == StreamItem.Ending.ABORT ? abort : null;
            }
        } finally {
            lock.unlock();
        }
        if (closeNow != null) {
            closeNow.run();
        }
    }

    /** Why the connection ended, or null while it is open. */
    String endReason() {
        lock.lock();
        try {
            return endReason;
        } finally {
            lock.unlock();
        }
    }

    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for what to write next: an ending, else the next queued event, else a keep-alive once
     * {@code keepAliveDueNanos} (a {@link System#nanoTime()} value) has passed.
     */
    StreamItem next(long keepAliveDueNanos) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (ending != null) {
                    return new StreamItem.End(ending);
                }
                if (!queue.isEmpty()) {
                    return new StreamItem.Event(queue.removeFirst());
                }
                long wait = keepAliveDueNanos - System.nanoTime();
                if (wait <= 0) {
                    return new StreamItem.KeepAliveDue();
                }
                changed.await(wait, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next queued event if one is there and the connection goes on, without waiting; else null. */
    BusEvent poll() {
        lock.lock();
        try {
            return ending == null ? queue.pollFirst() : null;
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is still queued, once nothing will be written: ended connections are remembered a while. */
    void discardQueue() {
        lock.lock();
        try {
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The next queued event without taking it: the frame to cut in half on a drop. */
    BusEvent peek() {
        lock.lock();
        try {
            return queue.peekFirst();
        } finally {
            lock.unlock();
        }
    }
}
