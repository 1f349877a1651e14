package io.mesosevents.streams;

import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.state.FrameworkView;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each framework event to the framework's row through a {@link GuardedTable} and forwards
 * the change: the new row, or a tombstone when the framework is removed or gone. An event behind
 * the row (a duplicate, or one older than the event that last changed it, even after a deletion)
 * changes and forwards nothing, so a replayed or reordered record cannot move the row backwards or
 * bring a removed framework back.
 */
final class FrameworkViewProcessor implements FixedKeyProcessor<String, MesosFrameworkEvent, FrameworkView> {

    private static final Logger log = LoggerFactory.getLogger(FrameworkViewProcessor.class);

    private FixedKeyProcessorContext<String, FrameworkView> context;
    private GuardedTable<FrameworkView> table;

    @Override
    public void init(FixedKeyProcessorContext<String, FrameworkView> context) {
        this.context = context;
        this.table = GuardedTable.of(context, FrameworkViewTopology.ROW_STORE,
                FrameworkViewTopology.POSITION_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, MesosFrameworkEvent> record) {
        MesosFrameworkEvent event = record.value();
        EventMeta meta = event.getMeta();
        table.apply(record.key(), meta, previous -> FrameworkViewFold.apply(previous, event)).ifPresentOrElse(
                applied -> context.forward(record.withValue(applied.row())),
                () -> log.debug("Skipping {} {} for framework {}: session {} sequence {} is behind the row",
                        meta.getKind(), event.getEventType(), record.key(), meta.getSessionId(), meta.getSequence()));
    }
}
