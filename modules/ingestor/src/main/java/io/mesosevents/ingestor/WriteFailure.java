package io.mesosevents.ingestor;

/**
 * A write that did not reach Kafka.
 *
 * @param fatal  true when this writer cannot go on: another ingestor took over the transactional
 *               id, or the producer failed in a way only a new producer recovers from. The
 *               ingestion must stop (and its replica resign); otherwise a resync repairs the loss
 * @param reason the producer's message
 */
public record WriteFailure(boolean fatal, String reason) {
}
