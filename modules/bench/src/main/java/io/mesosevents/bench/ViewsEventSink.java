package io.mesosevents.bench;

import io.mesosevents.model.Topic;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;

/** Where generated events go: one record of {@code topic} (no prefix), keyed as the ingestor keys it. */
interface ViewsEventSink {

    void send(Topic topic, String key, SpecificRecord value, Instant timestamp);
}
