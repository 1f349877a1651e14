package io.mesosevents.streams.rest;

import io.mesosevents.streams.ViewStores;
import io.mesosevents.streams.app.LocalStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.VersionedKeyQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Reads one partition of a local store, saying whether a standby copy may answer: the views' rows
 * with interactive queries v1 ({@link LocalStores}), their history with v2's versioned key query.
 */
final class LocalReader {

    /** The partition cannot be read here now; the message says why. */
    static final class PartitionUnavailable extends Exception {

        private static final long serialVersionUID = 1L;

        PartitionUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    private final KafkaStreams streams;

    LocalReader(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The row under {@code key}; {@code activeOnly} refuses a standby copy. */
    Optional<SpecificRecord> get(ViewStores store, String key, int partition, boolean activeOnly)
            throws PartitionUnavailable {
        try {
            return Optional.ofNullable(row(keyValueStore(store, partition, activeOnly).get(key)));
        } catch (InvalidStateStoreException e) {
            throw unavailable(store.storeName(), e);
        }
    }

    /**
     * The version of the row under {@code key} that was current at {@code asOf}, from the view's history
     * store; empty when the key had no row then (not written yet, or deleted).
     */
    Optional<HistoryVersion> getAsOf(ViewStores store, String key, Instant asOf, int partition, boolean activeOnly)
            throws PartitionUnavailable {
        VersionedRecord<Object> version = run(store.historyStoreName(),
                VersionedKeyQuery.<String, Object>withKey(key).asOf(asOf), partition, activeOnly);
        if (version == null || version.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new HistoryVersion((SpecificRecord) version.value(), Instant.ofEpochMilli(version.timestamp()),
                version.validTo().map(Instant::ofEpochMilli)));
    }

    /**
     * Up to {@code limit} rows of one partition that pass {@code matches}, with keys after {@code after} and
     * starting with {@code keyPrefix}, in key order.
     */
    List<KeyValue<String, SpecificRecord>> scan(ViewStores store, int partition, boolean activeOnly, PageRequest page,
                                                Optional<String> keyPrefix, Predicate<SpecificRecord> matches)
            throws PartitionUnavailable {
        ReadOnlyKeyValueStore<String, Object> rowsOf = keyValueStore(store, partition, activeOnly);
        Optional<String> from = lowerBound(page.after(), keyPrefix);
        List<KeyValue<String, SpecificRecord>> rows = new ArrayList<>();
        // A single partition's store iterates in key (byte) order; an open upper bound reads to its end.
        try (KeyValueIterator<String, Object> iterator = from.isPresent() ? rowsOf.range(from.get(), null) : rowsOf.all()) {
            while (iterator.hasNext() && rows.size() < page.limit()) {
                KeyValue<String, Object> entry = iterator.next();
                if (keyPrefix.isPresent() && !entry.key.startsWith(keyPrefix.get())) {
                    break;
                }
                SpecificRecord row = row(entry.value);
                if (row != null && page.admits(entry.key) && matches.test(row)) {
                    rows.add(KeyValue.pair(entry.key, row));
                }
            }
        } catch (InvalidStateStoreException e) {
            throw unavailable(store.storeName(), e);
        }
        return rows;
    }

    /** Where the range starts: the later of the cursor and the key prefix (the cursor itself is skipped by the page). */
    private static Optional<String> lowerBound(Optional<String> after, Optional<String> keyPrefix) {
        if (after.isEmpty()) {
            return keyPrefix;
        }
        if (keyPrefix.isEmpty() || KeyOrder.compare(after.get(), keyPrefix.get()) > 0) {
            return after;
        }
        return keyPrefix;
    }

    private ReadOnlyKeyValueStore<String, Object> keyValueStore(ViewStores store, int partition, boolean activeOnly)
            throws PartitionUnavailable {
        try {
            return LocalStores.keyValue(streams, store.storeName(), partition, activeOnly);
        } catch (InvalidStateStoreException e) {
            throw new PartitionUnavailable("partition " + partition + " of store " + store.storeName() + " cannot be read here: "
                    + e.getMessage());
        }
    }

    private static PartitionUnavailable unavailable(String storeName, InvalidStateStoreException e) {
        return new PartitionUnavailable("store " + storeName + " cannot be queried: " + e.getMessage());
    }

    /** Versioned stores, which interactive queries v1 cannot read. */
    private <R> R run(String storeName, Query<R> query, int partition, boolean activeOnly) throws PartitionUnavailable {
        StateQueryRequest<R> request = StateQueryRequest.inStore(storeName).withQuery(query)
                .withPartitions(Set.of(partition));
        if (activeOnly) {
            request = request.requireActive();
        }
        StateQueryResult<R> result;
        try {
            result = streams.query(request);
        } catch (InvalidStateStoreException e) {
            throw new PartitionUnavailable("store " + storeName + " cannot be queried: " + e.getMessage());
        }
        QueryResult<R> partitionResult = result.getPartitionResults().get(partition);
        if (partitionResult == null) {
            throw new PartitionUnavailable("partition " + partition + " of store " + storeName + " is not here");
        }
        if (partitionResult.isFailure()) {
            throw new PartitionUnavailable("partition " + partition + " of store " + storeName + " cannot be read: "
                    + partitionResult.getFailureReason() + " " + partitionResult.getFailureMessage());
        }
        return partitionResult.getResult();
    }

    /** A timestamped store may hand out the value with its timestamp; the row is the value. */
    private static SpecificRecord row(Object value) {
        Object plain = value instanceof ValueAndTimestamp<?> timestamped ? timestamped.value() : value;
        return (SpecificRecord) plain;
    }
}
