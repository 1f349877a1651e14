package io.mesosevents.bench;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A child JVM's side of a timed Kafka Streams run: says {@code ready} once the application is built;
 * starts it on {@code start} and says {@code started}; on {@code stop} measures its heap, closes it and
 * reports {@code <tag> peak-heap=… retained-heap=… max-heap=…}. Built before the harness starts the
 * clock, so class loading and topology building are not timed. Ends the JVM with exit code 2 if the
 * application falls into ERROR, so the harness stops waiting at once.
 */
final class ViewsStreamsLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ViewsStreamsLifecycle.class);
    private static final long WATCH_MILLIS = 500;

    private final String tag;
    private final Runnable start;
    private final Supplier<KafkaStreams.State> state;
    private final AutoCloseable application;

    ViewsStreamsLifecycle(String tag, Runnable start, Supplier<KafkaStreams.State> state, AutoCloseable application) {
        this.tag = tag;
        this.start = start;
        this.state = state;
        this.application = application;
    }

    void run() throws Exception {
        ParentPipe pipe = new ParentPipe();
        pipe.say(new ReportLine("ready", Map.of()));
        String command = pipe.next();
        if (!command.equals("start")) {
            application.close();
            return;
        }
        HeapFigures.resetPeaks();
        start.run();
        watchForError();
        pipe.say(new ReportLine("started", Map.of()));
        pipe.awaitStop();
        HeapFigures heap = HeapFigures.measure();
        application.close();
        Map<String, String> values = new LinkedHashMap<>();
        heap.addTo(values);
        pipe.say(new ReportLine(tag, values));
    }

    private void watchForError() {
        Thread watcher = new Thread(() -> {
            while (true) {
                if (state.get() == KafkaStreams.State.ERROR || state.get() == KafkaStreams.State.PENDING_ERROR) {
                    LOG.error("The {} application is in ERROR; giving up", tag);
                    System.exit(2);
                }
                try {
                    Thread.sleep(WATCH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, tag + "-error-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
