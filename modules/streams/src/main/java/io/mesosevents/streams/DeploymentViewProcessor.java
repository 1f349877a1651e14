package io.mesosevents.streams;

import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.state.DeploymentView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
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

    private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Duration SHORTEST_SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final Duration finishedRetention;
    private ProcessorContext<String, DeploymentView> context;
    private KeyValueStore<String, DeploymentView> rows;
    private GuardedTable<DeploymentView> table;

    DeploymentViewProcessor(Duration finishedRetention) {
        this.finishedRetention = finishedRetention;
    }

    @Override
    public void init(ProcessorContext<String, DeploymentView> context) {
        this.context = context;
        this.rows = context.getStateStore(ViewStores.DEPLOYMENTS.storeName());
        this.table = GuardedTable.of(context, ViewStores.DEPLOYMENTS.storeName(),
                DeploymentViewTopology.POSITION_STORE);
        context.schedule(sweepInterval(finishedRetention), PunctuationType.WALL_CLOCK_TIME, this::removeExpired);
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
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, DeploymentView> all = rows.all()) {
            all.forEachRemaining(entry -> {
                if (DeploymentViewFold.isExpired(entry.value, now, finishedRetention)) {
                    expired.add(entry.key);
                }
            });
        }
        for (String key : expired) {
            table.delete(key);
            context.forward(new Record<>(key, null, nowMs));
        }
    }

    /** A tenth of the retention, so a row outlives it by little, but at most a minute and at least a second. */
    static Duration sweepInterval(Duration finishedRetention) {
        Duration tenth = finishedRetention.dividedBy(10);
        if (tenth.compareTo(LONGEST_SWEEP_INTERVAL) > 0) {
            return LONGEST_SWEEP_INTERVAL;
        }
        return tenth.compareTo(SHORTEST_SWEEP_INTERVAL) < 0 ? SHORTEST_SWEEP_INTERVAL : tenth;
    }
}
