package io.mesosevents.mesos;

import org.apache.mesos.v1.master.Protos;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records every callback in order, for tests to take one by one. */
final class RecordingHandler implements MesosStreamHandler {

    sealed interface Callback permits Connected, Event, Undecodable, StreamFailed, Disconnected {
        MesosSession session();
    }

    record Connected(MesosSession session, String thread) implements Callback {
    }

    record Event(MesosSession session, long offset, byte[] raw, Protos.Event event) implements Callback {
    }

    record Undecodable(MesosSession session, long offset, byte[] raw, String stage, String error) implements Callback {
    }

    record StreamFailed(MesosSession session, long offset, byte[] unread, String stage, String error) implements Callback {
    }

    record Disconnected(MesosSession session, String reason) implements Callback {
    }

    private final BlockingQueue<Callback> callbacks = new LinkedBlockingQueue<>();

    @Override
    public void connected(MesosSession session) {
        callbacks.add(new Connected(session, Thread.currentThread().getName()));
    }

    @Override
    public void event(MesosSession session, long offset, byte[] raw, Protos.Event event) {
        callbacks.add(new Event(session, offset, raw, event));
    }

    @Override
    public void undecodable(MesosSession session, long offset, byte[] raw, String stage, String error) {
        callbacks.add(new Undecodable(session, offset, raw, stage, error));
    }

    @Override
    public void streamFailed(MesosSession session, long offset, byte[] unread, String stage, String error) {
        callbacks.add(new StreamFailed(session, offset, unread, stage, error));
    }

    @Override
    public void disconnected(MesosSession session, String reason) {
        callbacks.add(new Disconnected(session, reason));
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

    /** The next event, whose type must be {@code type}. */
    Event nextEvent(Protos.Event.Type type) throws InterruptedException {
        Event event = next(Event.class);
        if (event.event().getType() != type) {
            throw new AssertionError("Expected a " + type + " event but got " + event.event());
        }
        return event;
    }
}
