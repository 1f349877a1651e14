package io.mesosevents.streams;

import io.mesosevents.model.common.EventMeta;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each event of one entity type (agents, frameworks) to the entity's row through a
 * {@link GuardedTable} and forwards the change: the new row, or a tombstone when the fold deletes
 * it. An event behind the row (a duplicate, or one older than the event that last changed it, even
 * after a deletion) changes and forwards nothing, so a replayed or reordered record cannot move the
 * row backwards or bring a removed entity back.
 *
 * @param <E> the event type
 * @param <V> the row type
 */
final class EntityFoldProcessor<E, V> implements FixedKeyProcessor<String, E, V> {

    private static final Logger log = LoggerFactory.getLogger(EntityFoldProcessor.class);

    private final String entity;
    private final String rowStore;
    private final String positionStore;
    private final Function<E, EventMeta> meta;
    private final Function<E, Object> eventType;
    private final BiFunction<V, E, V> fold;
    private FixedKeyProcessorContext<String, V> context;
    private GuardedTable<V> table;

    /**
     * @param entity    what a row is, for logs ("agent")
     * @param fold      (previous row or null, event) → new row, null to delete
     */
    EntityFoldProcessor(String entity, String rowStore, String positionStore, Function<E, EventMeta> meta,
                        Function<E, Object> eventType, BiFunction<V, E, V> fold) {
        this.entity = entity;
        this.rowStore = rowStore;
        this.positionStore = positionStore;
        this.meta = meta;
        this.eventType = eventType;
        this.fold = fold;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.table = GuardedTable.of(context, rowStore, positionStore);
    }

    @Override
    public void process(FixedKeyRecord<String, E> record) {
        E event = record.value();
        EventMeta position = meta.apply(event);
        table.apply(record.key(), position, previous -> fold.apply(previous, event)).ifPresentOrElse(
                applied -> context.forward(record.withValue(applied.row())),
                () -> log.debug("Skipping {} {} for {} {}: session {} sequence {} is behind the row",
                        position.getKind(), eventType.apply(event), entity, record.key(), position.getSessionId(),
                        position.getSequence()));
    }
}
