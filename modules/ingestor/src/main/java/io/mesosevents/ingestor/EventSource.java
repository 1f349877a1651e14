package io.mesosevents.ingestor;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What an ingestion needs of the client that reads its source — the Mesos subscriber, the
 * Marathon event-stream subscriber or the Marathon callback receiver — so that one ingestion
 * lifecycle serves them all.
 *
 * @param start       starts reading, on the client's own thread
 * @param resubscribe ends the current session so that a new one starts with a fresh snapshot
 * @param reconnects  how often the client started over
 * @param lastByteAt  when the source last sent anything
 * @param close       stops reading
 */
record EventSource(Runnable start, Consumer<String> resubscribe, LongSupplier reconnects,
                   Supplier<Optional<Instant>> lastByteAt, Runnable close) {
}
