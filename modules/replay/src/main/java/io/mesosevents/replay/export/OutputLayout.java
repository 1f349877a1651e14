package io.mesosevents.replay.export;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Where each exported record goes under {@code --out}:
 * <pre>
 * OUT/&lt;topic&gt;/[event_type=&lt;payload type&gt;/][hour=&lt;yyyy-MM-ddTHH&gt;/]part-&lt;partition&gt;[-&lt;n&gt;].&lt;ext&gt;
 * </pre>
 * One directory per topic; {@code event_type=} only where the payload is split (CSV and Parquet of
 * {@code marathon.events}); {@code hour=} (UTC, of Kafka's record time) with {@code --partition-by hour}.
 * The {@code key=value} directories are Hive-style, so DuckDB ({@code hive_partitioning}), Spark and
 * pandas/pyarrow turn them into columns. Each Kafka partition writes its own files, zero-padded to
 * four digits so they list in order; {@code -<n>} numbers further files of the same place (a new
 * value schema, or an hour that came back after a later one).
 */
public record OutputLayout(Path root, PartitionBy partitionBy) {

    /** The values of {@code --partition-by}. */
    public enum PartitionBy {
        NONE, HOUR
    }

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    /** The place a record goes, before the file's sequence number: records with equal places share files. */
    public record Place(String topic, Optional<String> eventType, Optional<String> hour, int partition) {
    }

    public Place place(String topic, Optional<String> eventType, long timestamp, int partition) {
        Optional<String> hour = partitionBy == PartitionBy.HOUR ? Optional.of(hourOf(timestamp)) : Optional.empty();
        return new Place(topic, eventType, hour, partition);
    }

    /** The {@code sequence}-th file (from 0) of {@code place}. */
    public Path file(Place place, int sequence, ExportFormat format) {
        Path directory = root.resolve(place.topic());
        if (place.eventType().isPresent()) {
            directory = directory.resolve("event_type=" + place.eventType().get());
        }
        if (place.hour().isPresent()) {
            directory = directory.resolve("hour=" + place.hour().get());
        }
        String name = String.format("part-%04d%s.%s", place.partition(), sequence == 0 ? "" : "-" + sequence, format.extension());
        return directory.resolve(name);
    }

    /** The UTC hour of an epoch-millisecond time, as the {@code hour=} directories name it: 2026-03-01T03. */
    public static String hourOf(long timestamp) {
        return HOUR.format(Instant.ofEpochMilli(timestamp));
    }
}
