package io.mesosevents.replay.export;

import java.time.Instant;
import java.util.Map;

/**
 * What to export and how: the consumer configuration (bootstrap servers and client properties;
 * group-less, each worker assigns its partitions), the record-time range (both ends inclusive), the
 * format, where files go, and how many partitions are read at once.
 */
public record ExportSettings(Map<String, Object> consumerConfig, Instant from, Instant to, ExportFormat format,
                             OutputLayout layout, int parallelism) {

    public ExportSettings {
        consumerConfig = Map.copyOf(consumerConfig);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
