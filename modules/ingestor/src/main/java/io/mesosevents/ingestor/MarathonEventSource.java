package io.mesosevents.ingestor;

import io.mesosevents.marathon.CallbackReceiver;
import io.mesosevents.marathon.MarathonSubscriber;

import java.time.Instant;
import java.util.Optional;

/** Where a Marathon ingestion's events come from: the event stream or the legacy callbacks. */
interface MarathonEventSource extends AutoCloseable {

    void start();

    /** Ends the current session so that a new one starts with a fresh snapshot. */
    void resubscribe(String reason);

    long reconnects();

    Optional<Instant> lastByteAt();

    @Override
    void close();

    static MarathonEventSource of(MarathonSubscriber subscriber) {
        return new MarathonEventSource() {
            @Override
            public void start() {
                subscriber.start();
            }

            @Override
            public void resubscribe(String reason) {
                subscriber.resubscribe(reason);
            }

            @Override
            public long reconnects() {
                return subscriber.reconnects();
            }

            @Override
            public Optional<Instant> lastByteAt() {
                return subscriber.lastByteAt();
            }

            @Override
            public void close() {
                subscriber.close();
            }
        };
    }

    static MarathonEventSource of(CallbackReceiver receiver) {
        return new MarathonEventSource() {
            @Override
            public void start() {
                receiver.start();
            }

            @Override
            public void resubscribe(String reason) {
                receiver.resubscribe(reason);
            }

            @Override
            public long reconnects() {
                return receiver.reconnects();
            }

            @Override
            public Optional<Instant> lastByteAt() {
                return receiver.lastByteAt();
            }

            @Override
            public void close() {
                receiver.close();
            }
        };
    }
}
