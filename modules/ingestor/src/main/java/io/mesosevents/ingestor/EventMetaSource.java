package io.mesosevents.ingestor;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import java.time.Instant;

/**
 * Stamps the envelope of the next record of an ingestor session: cluster, source, session id,
 * sequence and ingest time belong to the session, not to the event. {@link MesosEventMapper} calls
 * it exactly once per record it returns, in the order it returns them, so sequences follow the
 * output without gaps.
 */
@FunctionalInterface
public interface EventMetaSource {

    /**
     * @param kind            why the record is written
     * @param sourceTimestamp when the source says the event happened; null when it does not say
     */
    EventMeta next(EventKind kind, Instant sourceTimestamp);
}
