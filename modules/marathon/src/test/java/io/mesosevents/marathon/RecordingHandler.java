package io.mesosevents.marathon;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records every callback in order, with the thread it ran on, for tests to take one by one. */
final class RecordingHandler implements MarathonStreamHandler {

    sealed interface Callback permits Connected, Snapshot, Event, Malformed, Disconnected {
        MarathonSession session();

        String thread();
    }

    record Connected(MarathonSession session, String thread) implements Callback {
    }

    record Snapshot(MarathonSession session, MarathonSnapshot snapshot, String thread) implements Callback {
    }

    record Event(MarathonSession session, MarathonEventMessage event, String thread) implements Callback {
    }

    record Malformed(MarathonSession session, MalformedEvent malformed, String thread) implements Callback {
    }

    record Disconnected(MarathonSession session, String reason, String thread) implements Callback {
    }

    private final BlockingQueue<Callback> callbacks = new LinkedBlockingQueue<>();

    @Override
    public void connected(MarathonSession session) {
        callbacks.add(new Connected(session, thread()));
    }

    @Override
    public void snapshot(MarathonSession session, MarathonSnapshot snapshot) {
        callbacks.add(new Snapshot(session, snapshot, thread()));
    }

    @Override
    public void event(MarathonSession session, MarathonEventMessage event) {
        callbacks.add(new Event(session, event, thread()));
    }

    @Override
    public void malformed(MarathonSession session, MalformedEvent malformed) {
        callbacks.add(new Malformed(session, malformed, thread()));
    }

    @Override
    public void disconnected(MarathonSession session, String reason) {
        callbacks.add(new Disconnected(session, reason, thread()));
    }

    private static String thread() {
        return Thread.currentThread().getName();
    }

    /** The next callback, which must be of {@code type}; waits up to 5 s. */
    <T extends Callback> T next(Class<T> type) throws InterruptedException {
        Callback callback = callbacks.poll(5, TimeUnit.SECONDS);
        if (callback == null) {
            throw new AssertionError("No callback within 5 s; expected " + type.getSimpleName());
        }
        if (!type.isInstance(callback)) {
            throw new AssertionError("Expected " + type.getSimpleName() + " but got " + callback);
        }
        return type.cast(callback);
    }

    /** The next callback, an event of type {@code eventType}. */
    Event nextEvent(String eventType) throws InterruptedException {
        Event event = next(Event.class);
        if (!event.event().eventType().equals(eventType)) {
            throw new AssertionError("Expected a " + eventType + " event but got " + event.event());
        }
        return event;
    }
}
