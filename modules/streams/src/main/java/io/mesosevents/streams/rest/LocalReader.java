package io.mesosevents.streams.rest;

import io.mesosevents.streams.ViewStores;
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
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.VersionedKeyQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Reads one partition of a local store with interactive queries v2, which serve plain, timestamped
 * and versioned key-value stores alike and let the caller say whether a standby copy may answer.
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
        Object value = run(store.storeName(), KeyQuery.<String, Object>withKey(key), partition, activeOnly);
        return Optional.ofNullable(row(value));
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
        RangeQuery<String, Object> query = lowerBound(page.after(), keyPrefix)
                .map(RangeQuery::<String, Object>withLowerBound)
                .orElseGet(RangeQuery::withNoBounds)
                .withAscendingKeys();
        List<KeyValue<String, SpecificRecord>> rows = new ArrayList<>();
        try (KeyValueIterator<String, Object> iterator = run(store.storeName(), query, partition, activeOnly)) {
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
