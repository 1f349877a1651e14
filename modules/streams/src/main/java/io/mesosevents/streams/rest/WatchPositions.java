package io.mesosevents.streams.rest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a watch stands: for every watched type, the next offset to read in each partition of its topic
 * (index = partition). Everything before these offsets has been sent or filtered out, so a watch that
 * starts here continues exactly after the last event sent. Resume tokens carry it ({@link WatchTokenCodec}).
 *
 * @param offsets the next offset by partition, per type
 */
record WatchPositions(Map<WatchType, List<Long>> offsets) {

    WatchPositions {
        Map<WatchType, List<Long>> copy = new EnumMap<>(WatchType.class);
        offsets.forEach((type, partitions) -> copy.put(type, List.copyOf(partitions)));
        offsets = Collections.unmodifiableMap(copy);
    }

    /** The next offset of {@code partition} of {@code type}'s topic, when these positions know it. */
    Optional<Long> offset(WatchType type, int partition) {
        List<Long> partitions = offsets.get(type);
        return partitions == null || partition >= partitions.size() ? Optional.empty() : Optional.of(partitions.get(partition));
    }

    boolean covers(WatchType type) {
        return offsets.containsKey(type);
    }
}
