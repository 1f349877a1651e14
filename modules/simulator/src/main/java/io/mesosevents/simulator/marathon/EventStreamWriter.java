package io.mesosevents.simulator.marathon;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes one {@code /v2/events} connection: every event as it comes, in the frame the quirks in
 * force at that moment ask for, a keep-alive newline whenever an interval passes without a write,
 * and the ending the bus asks for. Every frame is flushed as it is written, so it leaves as a chunk.
 */
final class EventStreamWriter {

    /** A garbage quirk spoils the next event's frame after it is switched on, then every this many events. */
    private static final int GARBAGE_EVERY = 100;
    private static final List<StreamQuirk> GARBAGE = List.of(StreamQuirk.INVALID_JSON, StreamQuirk.OVERSIZED_FRAME);

    private final long keepAliveNanos;
    private final Supplier<Set<StreamQuirk>> quirks;

    EventStreamWriter(Duration keepAliveInterval, Supplier<Set<StreamQuirk>> quirks) {
        this.keepAliveNanos = keepAliveInterval.toNanos();
        this.quirks = quirks;
    }

    /**
     * Streams until the subscriber is ended or the client goes away; returns how it ended.
     *
     * @param breakConnection closes the connection without ending the chunked body properly
     */
    String write(StreamSubscriber subscriber, OutputStream out, Runnable breakConnection) throws InterruptedException {
        Map<StreamQuirk, Long> garbageDue = new EnumMap<>(StreamQuirk.class);
        long events = 0;
        long keepAliveDue = System.nanoTime() + keepAliveNanos;
        try {
            while (true) {
                StreamItem next = subscriber.next(keepAliveDue);
                if (next instanceof StreamItem.Event item) {
                    Set<StreamQuirk> now = quirks.get();
                    for (StreamQuirk garbage : GARBAGE) {
                        long due = garbageDue.getOrDefault(garbage, events);
                        if (!now.contains(garbage)) {
                            garbageDue.put(garbage, events);
                        } else if (events >= due) {
                            out.write(garbage == StreamQuirk.INVALID_JSON ? SseFrames.invalidJson(now) : SseFrames.oversized(now));
                            garbageDue.put(garbage, events + GARBAGE_EVERY);
                        }
                    }
                    BusEvent second = now.contains(StreamQuirk.TWO_OBJECTS_IN_ONE_FRAME) ? subscriber.poll() : null;
                    if (second != null) {
                        out.write(SseFrames.pair(item.event(), second, now));
                        events += 2;
                    } else {
                        out.write(SseFrames.frame(item.event(), now));
                        events++;
                    }
                    subscriber.eventsSent.set(events);
                } else if (next instanceof StreamItem.KeepAliveDue) {
                    out.write(SseFrames.keepAlive(quirks.get()));
                } else if (next instanceof StreamItem.End end && end.ending() == StreamItem.Ending.DROP_MID_FRAME) {
                    BusEvent queued = subscriber.peek();
                    byte[] frame = queued != null ? SseFrames.frame(queued, quirks.get())
                            : "event: status_update_event\n".getBytes(StandardCharsets.US_ASCII);
                    out.write(frame, 0, frame.length / 2);
                    out.flush();
                    breakConnection.run();
                    return "dropped mid-frame";
                } else {
                    // Normally closed already by whoever ended it; not if that came before the writer started.
                    breakConnection.run();
                    return subscriber.endReason();
                }
                out.flush();
                keepAliveDue = System.nanoTime() + keepAliveNanos;
            }
        } catch (IOException e) {
            String reason = subscriber.endReason();
            return reason != null ? reason : "client went away (" + e.getMessage() + ")";
        }
    }
}
