package io.mesosevents.streams;

import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.state.DeploymentView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each deployment event to the deployment's row through a {@link GuardedTable} and forwards
 * the new row when it changed, and removes finished rows once they have been kept long enough.
 *
 * <p>An event behind the row (a duplicate, or one older than the event that last changed it, by
 * source time or by sequence within the same ingestor session) changes and forwards nothing. An
 * event the fold ignores (e.g. a late deployment_info for a finished deployment) forwards nothing
 * either, so {@code view.deployments} only carries real changes.
 *
 * <p>A finished deployment stays queryable for {@code finishedRetention} after it finished; then a
 * wall-clock punctuator deletes the row and forwards a tombstone, so the compacted topic and the
 * store do not grow with every deployment ever run. Wall-clock time, because stream time stands
 * still while Marathon is idle. The punctuator forwards records for keys other than the one being
 * processed, which a fixed-key processor cannot do. The position of a removed row stays, so a
 * replayed event of that deployment cannot bring it back.
 */
final class DeploymentViewProcessor implements Processor<String, MarathonEvent, String, DeploymentView> {

    private static final Logger log = LoggerFactory.getLogger(DeploymentViewProcessor.class);

    private final Duration finishedRetention;
    private ProcessorContext<String, DeploymentView> context;
    private GuardedTable<DeploymentView> table;

    DeploymentViewProcessor(Duration finishedRetention) {
        this.finishedRetention = finishedRetention;
    }

    @Override
    public void init(ProcessorContext<String, DeploymentView> context) {
        this.context = context;
        this.table = GuardedTable.of(context, ViewStores.DEPLOYMENTS.storeName(),
                DeploymentViewTopology.POSITION_STORE);
        context.schedule(Retention.scanInterval(finishedRetention), PunctuationType.WALL_CLOCK_TIME, this::removeExpired);
    }

    @Override
    public void process(Record<String, MarathonEvent> record) {
        MarathonEvent event = record.value();
        EventMeta meta = event.getMeta();
        DeploymentView previous = table.get(record.key());
        table.apply(record.key(), meta, row -> DeploymentViewFold.apply(row, event)).ifPresentOrElse(
                applied -> {
                    if (!Objects.equals(applied.row(), previous)) {
                        context.forward(record.withValue(applied.row()));
                    }
                },
                () -> log.debug("Skipping {} for deployment {}: session {} sequence {} is behind the row",
                        event.getEventType(), record.key(), meta.getSessionId(), meta.getSequence()));
    }

    /**
     * Deletes every row that finished at least {@code finishedRetention} before {@code nowMs} and
     * forwards its tombstone.
     */
    private void removeExpired(long nowMs) {
        Instant now = Instant.ofEpochMilli(nowMs);
        List<String> expired = table.keysWhere(row -> DeploymentViewFold.isExpired(row, now, finishedRetention));
        for (String key : expired) {
            table.delete(key, now);
            context.forward(new Record<>(key, null, nowMs));
        }
    }
}
