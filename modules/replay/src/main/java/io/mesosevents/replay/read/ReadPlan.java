package io.mesosevents.replay.read;

import java.util.List;

/** The partition ranges a replay reads; ranges with nothing to read are left out. */
public record ReadPlan(List<PartitionRange> ranges) {

    public ReadPlan {
        ranges = ranges.stream().filter(range -> range.offsets() > 0).toList();
    }

    /** At most how many records the plan reads (transaction markers take offsets too): the base of progress and ETA. */
    public long records() {
        return ranges.stream().mapToLong(PartitionRange::offsets).sum();
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }
}
