package io.mesosevents.streams.rest;

/**
 * How one store partition was answered.
 *
 * @param partition  the store partition
 * @param standby    answered from a standby copy rather than the active one
 * @param lagRecords how many changelog records that copy was behind (0 for the active)
 */
record PartitionAnswer(int partition, boolean standby, long lagRecords) {
}
