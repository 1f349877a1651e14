package io.mesosevents.ingestor;


/**
 * One record to write. Snapshot markers go to every partition of their topic: a consumer of any
 * one partition must see where a resync begins and ends.
 */
public record Send(OutboundRecord record, boolean everyPartition) {

    public static Send of(OutboundRecord record) {
        return new Send(record, false);
    }

    public static Send toEveryPartition(OutboundRecord record) {
        return new Send(record, true);
    }
}
