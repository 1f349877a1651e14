package io.mesosevents.streams.rest;

import io.mesosevents.streams.ViewStores;
import io.mesosevents.streams.app.LocalAssignment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;

/**
 * Answers from this instance's own stores only: the end of every forwarded request, and the local
 * share of every query. It answers for a partition only in a role {@link LocalRoles} allows.
 */
final class LocalAnswerer {

    private final LocalRoles roles;
    private final LocalReader reader;
    private final String self;

    /** @param self this instance as {@code host:port}, named in every answer */
    LocalAnswerer(LocalRoles roles, LocalReader reader, String self) {
        this.roles = roles;
        this.reader = reader;
        this.self = self;
    }

    String self() {
        return self;
    }

    /** The entity under exactly {@code key}, which lives in {@code partition}. */
    KeyAnswer key(EntityView view, String key, int partition, long maxLag) {
        return key(view, key, partition, maxLag, Optional.empty());
    }

    /**
     * The entity under exactly {@code key} now, or as it was at {@code asOf} (from the view's history store,
     * which lives in the same partitions as its rows, so the same role decides).
     */
    KeyAnswer key(EntityView view, String key, int partition, long maxLag, Optional<Instant> asOf) {
        LocalRole role = roles.of(roles.assignment(), view.store(), partition, maxLag);
        if (!role.allowed()) {
            return new KeyAnswer.Declined(role.reason());
        }
        try {
            if (asOf.isPresent()) {
                Optional<HistoryVersion> version = reader.getAsOf(view.store(), key, asOf.get(), partition, !role.standby());
                return version.<KeyAnswer>map(found -> new KeyAnswer.Found(Envelopes.singleAsOf(
                                view.presenter().apply(found.row()), asOf.get(), found, self, role.answer(partition))))
                        .orElseGet(KeyAnswer.Absent::new);
            }
            Optional<SpecificRecord> row = reader.get(view.store(), key, partition, !role.standby());
            if (row.isEmpty()) {
                return new KeyAnswer.Absent();
            }
            return new KeyAnswer.Found(Envelopes.single(view.presenter().apply(row.get()), self, role.answer(partition)));
        } catch (LocalReader.PartitionUnavailable e) {
            return new KeyAnswer.Declined(e.getMessage());
        }
    }

    /** The first {@code page.limit()} matching rows over {@code partitions}, and which partitions could not be read. */
    LocalPage page(ViewStores store, Collection<Integer> partitions, PageRequest page, RowFilter filter, long maxLag) {
        LocalAssignment assignment = roles.assignment();
        List<KeyedRow> rows = new ArrayList<>();
        List<PartitionAnswer> answered = new ArrayList<>();
        Map<Integer, String> declined = new HashMap<>();
        for (int partition : partitions) {
            LocalRole role = roles.of(assignment, store, partition, maxLag);
            if (!role.allowed()) {
                declined.put(partition, role.reason());
                continue;
            }
            try {
                for (KeyValue<String, SpecificRecord> entry : reader.scan(store, partition, !role.standby(), page,
                        filter.keyPrefix(), filter.matches())) {
                    rows.add(new KeyedRow(entry.key, AvroJsonRenderer.render(entry.value)));
                }
                answered.add(role.answer(partition));
            } catch (LocalReader.PartitionUnavailable e) {
                declined.put(partition, e.getMessage());
            }
        }
        rows.sort((left, right) -> KeyOrder.compare(left.key(), right.key()));
        return new LocalPage(self, rows.subList(0, Math.min(rows.size(), page.limit())), answered, declined);
    }
}
