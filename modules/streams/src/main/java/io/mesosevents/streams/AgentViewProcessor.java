package io.mesosevents.streams;

import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.state.AgentView;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each agent event to the agent's row through a {@link GuardedTable} and forwards the
 * change: the new row, or a tombstone when the agent is gone. An event behind the row (a duplicate,
 * or one older than the event that last changed it, even after a deletion) changes and forwards
 * nothing, so a replayed or reordered record cannot move the row backwards or bring it back.
 */
final class AgentViewProcessor implements FixedKeyProcessor<String, MesosAgentEvent, AgentView> {

    private static final Logger log = LoggerFactory.getLogger(AgentViewProcessor.class);

    private FixedKeyProcessorContext<String, AgentView> context;
    private GuardedTable<AgentView> table;

    @Override
    public void init(FixedKeyProcessorContext<String, AgentView> context) {
        this.context = context;
        this.table = GuardedTable.of(context, AgentViewTopology.ROW_STORE, AgentViewTopology.POSITION_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, MesosAgentEvent> record) {
        MesosAgentEvent event = record.value();
        EventMeta meta = event.getMeta();
        table.apply(record.key(), meta, previous -> AgentViewFold.apply(previous, event)).ifPresentOrElse(
                applied -> context.forward(record.withValue(applied.row())),
                () -> log.debug("Skipping {} {} for agent {}: session {} sequence {} is behind the row",
                        meta.getKind(), event.getEventType(), record.key(), meta.getSessionId(), meta.getSequence()));
    }
}
