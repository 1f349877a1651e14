package io.mesosevents.streams.rest;

/**
 * Whether, and as what, this instance may answer for one store partition.
 *
 * @param allowed    whether it may answer
 * @param standby    it answers from a standby copy
 * @param lagRecords how far that copy is behind (0 for a running active)
 * @param reason     why it may not answer; empty when allowed
 */
record LocalRole(boolean allowed, boolean standby, long lagRecords, String reason) {

    static LocalRole active() {
        return new LocalRole(true, false, 0, "");
    }

    static LocalRole standby(long lagRecords) {
        return new LocalRole(true, true, lagRecords, "");
    }

    static LocalRole declined(String reason) {
        return new LocalRole(false, false, 0, reason);
    }

    PartitionAnswer answer(int partition) {
        return new PartitionAnswer(partition, standby, lagRecords);
    }
}
