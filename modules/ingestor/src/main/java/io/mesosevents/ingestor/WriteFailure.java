package io.mesosevents.ingestor;

/**
 * A write that did not reach Kafka.
 *
 * @param fenced true when another ingestor took over the transactional id: this one must stop
 * @param reason the producer's message
 */
public record WriteFailure(boolean fenced, String reason) {
}
