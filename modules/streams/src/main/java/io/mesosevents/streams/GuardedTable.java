package io.mesosevents.streams;

import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.state.EventPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One row per entity plus the position of the event that last changed it: the shared core of
 * every view processor. An event behind the row's position ({@link EventOrder}) is not applied.
 *
 * <p>The position outlives a deleted row, so a late event from before the deletion cannot bring
 * the entity back. It is forgotten {@link #DELETED_POSITION_GRACE} after the deletion, so the
 * positions of the entities a cluster churns through do not pile up for ever; an event later than
 * that is taken for a new entity.
 *
 * @param <V> the row type
 */
final class GuardedTable<V> {

    /** How long the position of a deleted row is kept. */
    static final Duration DELETED_POSITION_GRACE = Duration.ofDays(1);

    private static final Duration POSITION_SCAN_INTERVAL = Duration.ofMinutes(10);

    /** What applying an event did: the new row, or null when the row was deleted. */
    record Applied<V>(V row) {
        boolean deleted() {
            return row == null;
        }
    }

    private final KeyValueStore<String, V> rows;
    private final KeyValueStore<String, EventPosition> positions;

    private GuardedTable(KeyValueStore<String, V> rows, KeyValueStore<String, EventPosition> positions) {
        this.rows = rows;
        this.positions = positions;
    }

    /**
     * The table over the stores named {@code rowStore} and {@code positionStore} of a processor; it
     * schedules the forgetting of old deleted positions on the processor's wall clock.
     */
    static <V> GuardedTable<V> of(ProcessingContext context, String rowStore, String positionStore) {
        GuardedTable<V> table = new GuardedTable<>(context.getStateStore(rowStore),
                context.getStateStore(positionStore));
        context.schedule(POSITION_SCAN_INTERVAL, PunctuationType.WALL_CLOCK_TIME,
                now -> table.forgetDeletedBefore(Instant.ofEpochMilli(now).minus(DELETED_POSITION_GRACE)));
        return table;
    }

    V get(String key) {
        return rows.get(key);
    }

    /** Whether an event was ever applied for {@code key}, even if its row has been deleted since. */
    boolean seen(String key) {
        return positions.get(key) != null;
    }

    /** The keys of the rows that pass {@code test}, for scans such as retention. */
    List<String> keysWhere(Predicate<V> test) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> all = rows.all()) {
            all.forEachRemaining(entry -> {
                if (test.test(entry.value)) {
                    keys.add(entry.key);
                }
            });
        }
        return keys;
    }

    /**
     * Applies {@code fold} (previous row, null if none → new row, null to delete) unless the event
     * is behind the row; empty when it was not applied.
     */
    Optional<Applied<V>> apply(String key, EventMeta event, UnaryOperator<V> fold) {
        if (EventOrder.isBehind(positions.get(key), event)) {
            return Optional.empty();
        }
        V row = fold.apply(rows.get(key));
        EventPosition position = EventOrder.positionOf(event);
        if (row == null) {
            rows.delete(key);
            position = EventPosition.newBuilder(position).setRowDeletedAt(event.getIngestTimestamp()).build();
        } else {
            rows.put(key, row);
        }
        positions.put(key, position);
        return Optional.of(new Applied<>(row));
    }

    /**
     * Applies {@code fold} without a position check, for inputs that are derived views rather than
     * log events and so carry no position; returns the new row, null when deleted.
     */
    V update(String key, UnaryOperator<V> fold) {
        V row = fold.apply(rows.get(key));
        if (row == null) {
            rows.delete(key);
        } else {
            rows.put(key, row);
        }
        return row;
    }

    /** Removes a row without an event (e.g. retention) at {@code when}; the position stays for the grace. */
    void delete(String key, Instant when) {
        rows.delete(key);
        EventPosition position = positions.get(key);
        if (position != null && position.getRowDeletedAt() == null) {
            positions.put(key, EventPosition.newBuilder(position).setRowDeletedAt(when).build());
        }
    }

    /** Forgets the positions of rows deleted before {@code cutoff}; returns how many. */
    int forgetDeletedBefore(Instant cutoff) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, EventPosition> all = positions.all()) {
            all.forEachRemaining(entry -> {
                Instant deletedAt = entry.value.getRowDeletedAt();
                if (deletedAt != null && deletedAt.isBefore(cutoff)) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(positions::delete);
        return expired.size();
    }
}
