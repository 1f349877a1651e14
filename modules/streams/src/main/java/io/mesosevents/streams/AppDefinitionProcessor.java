package io.mesosevents.streams;

import io.mesosevents.model.EntityKey;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.state.AppDefinition;
import io.mesosevents.model.state.DeploymentView;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Keeps one {@link AppDefinition} per app or pod from its Marathon events and from the changes of
 * the deployments that affect it ({@link AppDefinitionFold}); forwards every change, a tombstone
 * when the app is gone.
 */
final class AppDefinitionProcessor implements FixedKeyProcessor<String, SpecificRecord, AppDefinition> {

    private FixedKeyProcessorContext<String, AppDefinition> context;
    private GuardedTable<AppDefinition> definitions;

    @Override
    public void init(FixedKeyProcessorContext<String, AppDefinition> context) {
        this.context = context;
        this.definitions = GuardedTable.of(context, AppViewTopology.DEFINITION_STORE,
                AppViewTopology.DEFINITION_POSITION_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, SpecificRecord> record) {
        EntityKey app = EntityKey.parse(record.key());
        if (record.value() instanceof MarathonEvent event) {
            definitions.apply(record.key(), event.getMeta(),
                            previous -> AppDefinitionFold.apply(previous, app.cluster(), app.id(), event))
                    .ifPresent(applied -> forward(record, applied.row()));
        } else if (record.value() instanceof DeploymentView deployment) {
            AppDefinition previous = definitions.get(record.key());
            AppDefinition row = definitions.update(record.key(),
                    current -> AppDefinitionFold.withDeployment(current, app.cluster(), app.id(), deployment));
            if (row != previous) {
                forward(record, row);
            }
        }
    }

    /**
     * Forwards at stream time: Marathon events and deployment changes reach this processor through
     * different topics, and a definition change must not be older than the one before it.
     */
    private void forward(FixedKeyRecord<String, SpecificRecord> record, AppDefinition row) {
        context.forward(record.withValue(row).withTimestamp(Math.max(record.timestamp(),
                context.currentStreamTimeMs())));
    }
}
