package io.mesosevents.simulator.marathon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Marathon's event bus: owns the model and everyone listening, behind one lock. An event is made
 * and handed to every stream and callback in one step, and the REST API reads the truth under the
 * same lock: so a snapshot and the events published after it add up to the truth.
 *
 * <p>Besides the model's events, the bus publishes those of real clients: a connection attaching
 * ({@code event_stream_attached}, the first event it gets) and detaching, a callback subscribed or
 * unsubscribed. They are stamped with the model's time but are no part of its seeded sequence.
 */
final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    /** Ended connections kept for {@link #connections()}. */
    private static final int ENDED_KEPT = 100;

    private final Object lock = new Object();
    private final MarathonModel model;
    private final CallbackRegistry callbacks;
    private final int queueLimit;
    private final List<StreamSubscriber> subscribers = new ArrayList<>();
    private final Deque<StreamSubscriber> ended = new ArrayDeque<>();
    private long nextSubscriberId;
    private long clientEvents;

    EventBus(MarathonModel model, int queueLimit) {
        this.model = model;
        this.queueLimit = queueLimit;
        this.callbacks = new CallbackRegistry(queueLimit);
    }

    /** Makes {@code count} events and publishes each. */
    void generate(int count) {
        synchronized (lock) {
            for (int i = 0; i < count; i++) {
                publish(model.next());
            }
            lock.notifyAll();
        }
    }

    /** Reads the model under the bus's lock, so that no event is half applied. */
    <T> T read(Function<MarathonModel, T> reader) {
        synchronized (lock) {
            return reader.apply(model);
        }
    }

    /**
     * Changes the model for a real client under the bus's lock, between two events; what the change
     * announces is published with the next events made.
     */
    <T> T change(Function<MarathonModel, T> change) {
        synchronized (lock) {
            return change.apply(model);
        }
    }

    /** Waits until at least {@code count} model events have been made; false on timeout. */
    boolean awaitEmitted(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (model.emitted() < count) {
                long waitMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (waitMillis <= 0) {
                    return false;
                }
                lock.wait(waitMillis);
            }
            return true;
        }
    }

    /** A new connection: it joins, then everyone, it first, hears it attached. */
    StreamSubscriber attach(String remoteAddress, Set<String> eventTypes) {
        synchronized (lock) {
            StreamSubscriber subscriber = new StreamSubscriber(++nextSubscriberId, remoteAddress, eventTypes, queueLimit);
            subscribers.add(subscriber);
            publishClientEvent(model.events().streamAttached(remoteAddress));
            return subscriber;
        }
    }

    /** A connection ended (however it did); the others hear it detached, unless the bus ended it and told them already. */
    void detach(StreamSubscriber subscriber, String reason) {
        synchronized (lock) {
            if (subscribers.remove(subscriber)) {
                subscriber.end(StreamItem.Ending.ABORT, reason);
                detached(subscriber);
            }
        }
    }

    /** Ends every open connection; returns how many there were. */
    int endAll(StreamItem.Ending ending, String reason) {
        synchronized (lock) {
            List<StreamSubscriber> open = List.copyOf(subscribers);
            subscribers.clear();
            for (StreamSubscriber subscriber : open) {
                subscriber.end(ending, reason);
                detached(subscriber);
            }
            return open.size();
        }
    }

    /** Subscribes a callback URL; returns the {@code subscribe_event}, published only if the URL is new. */
    BusEvent subscribeCallback(String clientIp, String url) {
        synchronized (lock) {
            BusEvent event = model.events().subscribe(clientIp, url);
            if (callbacks.add(url)) {
                publishClientEvent(event);
            }
            return event;
        }
    }

    /** Unsubscribes a callback URL; returns the {@code unsubscribe_event}, published only if the URL was subscribed. */
    BusEvent unsubscribeCallback(String clientIp, String url) {
        synchronized (lock) {
            BusEvent event = model.events().unsubscribe(clientIp, url);
            if (callbacks.remove(url)) {
                publishClientEvent(event);
            }
            return event;
        }
    }

    /** Real callback URLs first, then those of the model's simulated subscribers. */
    List<String> callbackUrls() {
        synchronized (lock) {
            List<String> urls = new ArrayList<>(callbacks.urls());
            urls.addAll(model.state().simulatedCallbacks.keySet());
            return urls;
        }
    }

    /** Open connections in the order they attached, then the last ones that ended. */
    List<StreamConnection> connections() {
        synchronized (lock) {
            List<StreamConnection> all = new ArrayList<>();
            subscribers.forEach(subscriber -> all.add(describe(subscriber)));
            ended.forEach(subscriber -> all.add(describe(subscriber)));
            return all;
        }
    }

    int openStreams() {
        synchronized (lock) {
            return subscribers.size();
        }
    }

    /** Events of real clients published so far. */
    long clientEvents() {
        synchronized (lock) {
            return clientEvents;
        }
    }

    void close() {
        endAll(StreamItem.Ending.ABORT, "simulator stopped");
        synchronized (lock) {
            callbacks.close();
        }
    }

    private void publishClientEvent(BusEvent event) {
        clientEvents++;
        publish(event);
    }

    /**
     * Hands the event to every connection whose filter takes it and to every callback. A
     * connection too far behind is cut off, as Marathon drops a slow consumer, and the others
     * hear it detached.
     */
    private void publish(BusEvent event) {
        List<StreamSubscriber> behind = null;
        for (StreamSubscriber subscriber : subscribers) {
            if (subscriber.accepts(event.eventType()) && !subscriber.offer(event)) {
                if (behind == null) {
                    behind = new ArrayList<>();
                }
                behind.add(subscriber);
            }
        }
        callbacks.deliver(event);
        if (behind != null) {
            for (StreamSubscriber subscriber : behind) {
                LOG.warn("Event stream {} ({}) is {} events behind; disconnecting it", subscriber.id,
                        subscriber.remoteAddress, queueLimit);
                subscribers.remove(subscriber);
                subscriber.end(StreamItem.Ending.ABORT, "slow consumer: more than " + queueLimit + " events behind");
                detached(subscriber);
            }
        }
    }

    private void detached(StreamSubscriber subscriber) {
        ended.addFirst(subscriber);
        while (ended.size() > ENDED_KEPT) {
            ended.removeLast();
        }
        publishClientEvent(model.events().streamDetached(subscriber.remoteAddress));
    }

    private static StreamConnection describe(StreamSubscriber subscriber) {
        return new StreamConnection(subscriber.id, subscriber.remoteAddress, List.copyOf(subscriber.eventTypes),
                subscriber.eventsSent.get(), subscriber.queued(), subscriber.endReason());
    }
}
