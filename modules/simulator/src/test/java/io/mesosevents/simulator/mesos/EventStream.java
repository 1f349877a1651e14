package io.mesosevents.simulator.mesos;

import io.mesosevents.mesos.MesosEncoding;
import org.apache.mesos.v1.master.Protos.Event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An open subscription read on its own thread, so that tests can wait for records with a timeout
 * and see how the stream ended.
 */
final class EventStream implements AutoCloseable {

    /** How the stream ended: cleanly between records, or with an error some bytes into a record. */
    record End(IOException error, int bytesIntoRecord) {
    }

    private final HttpResponse<InputStream> response;
    private final MesosEncoding encoding;
    private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private final Thread reader;

    EventStream(HttpResponse<InputStream> response, MesosEncoding encoding) {
        this.response = response;
        this.encoding = encoding;
        this.reader = new Thread(this::read, "test-event-stream");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    private void read() {
        RecordReader records = new RecordReader(response.body());
        try {
            byte[] record;
            while ((record = records.next()) != null) {
                items.add(record);
            }
            items.add(new End(null, 0));
        } catch (IOException e) {
            items.add(new End(e, records.bytesIntoRecord()));
        }
    }

    /** The next raw record, an {@link End}, or null if nothing came within {@code timeout}. */
    Object poll(Duration timeout) throws InterruptedException {
        return items.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event; fails on timeout or when the stream ends. */
    Event next(Duration timeout) throws InterruptedException {
        Event event = nextOrNull(timeout);
        if (event == null) {
            throw new AssertionError("No event within " + timeout);
        }
        return event;
    }

    /** The next event, or null if none came within {@code timeout}; fails when the stream ends. */
    Event nextOrNull(Duration timeout) throws InterruptedException {
        Object item = poll(timeout);
        if (item == null) {
            return null;
        }
        if (item instanceof byte[] record) {
            try {
                return encoding.decode(record, Event.newBuilder()).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new AssertionError("Stream ended: " + item);
    }

    /** The next event that is not a heartbeat. */
    Event nextNonHeartbeat(Duration timeout) throws InterruptedException {
        Event event;
        do {
            event = next(timeout);
        } while (event.getType() == Event.Type.HEARTBEAT);
        return event;
    }

    /**
     * Applies events to {@code view} until a second passes with nothing but heartbeats; fails if
     * nothing at all comes within {@code timeout}.
     */
    void applyUntilQuiet(ClusterView view, Duration timeout) throws InterruptedException {
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < Duration.ofSeconds(1).toNanos()) {
            Event event = next(timeout);
            if (event.getType() != Event.Type.HEARTBEAT) {
                view.apply(event);
                quietSince = System.nanoTime();
            }
        }
    }

    /** Waits for the stream to end, skipping records. */
    End awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Object item = items.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (item == null) {
                throw new AssertionError("Stream did not end within " + timeout);
            }
            if (item instanceof End end) {
                return end;
            }
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
