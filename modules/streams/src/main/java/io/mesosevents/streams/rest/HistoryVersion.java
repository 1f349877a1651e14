package io.mesosevents.streams.rest;

import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * One version of a row from a history store: the row as it was, from when it was written until the next
 * change (a later version or the deletion) replaced it.
 *
 * @param row       the row
 * @param validFrom the record time of the change that wrote it
 * @param validTo   the record time of the change that replaced it; empty while it is still the latest
 */
record HistoryVersion(SpecificRecord row, Instant validFrom, Optional<Instant> validTo) {
}
