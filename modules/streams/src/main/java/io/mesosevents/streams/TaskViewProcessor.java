package io.mesosevents.streams;

import io.mesosevents.model.EntityKey;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.state.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one row per task, folded from the task's Mesos events ({@link TaskViewFold}) and its
 * task-scoped Marathon events ({@link TaskMarathonFold}), and forwards every change: the new row,
 * or a tombstone (null) when the task is GONE or finished longer ago than the retention.
 *
 * <p>Each source has its own event position ({@link GuardedTable}): their clocks and sequences
 * are not comparable. A Marathon event never re-creates a task Mesos deleted.
 */
final class TaskViewProcessor implements Processor<String, SpecificRecord, String, TaskView> {

    private static final Logger log = LoggerFactory.getLogger(TaskViewProcessor.class);

    private final Duration finishedRetention;
    private ProcessorContext<String, TaskView> context;
    private GuardedTable<TaskView> byMesos;
    private GuardedTable<TaskView> byMarathon;

    TaskViewProcessor(Duration finishedRetention) {
        this.finishedRetention = finishedRetention;
    }

    @Override
    public void init(ProcessorContext<String, TaskView> context) {
        this.context = context;
        this.byMesos = GuardedTable.of(context, TaskViewTopology.ROW_STORE, TaskViewTopology.MESOS_POSITION_STORE);
        this.byMarathon = GuardedTable.of(context, TaskViewTopology.ROW_STORE,
                TaskViewTopology.MARATHON_POSITION_STORE);
        context.schedule(Retention.scanInterval(finishedRetention), PunctuationType.WALL_CLOCK_TIME,
                this::removeFinished);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        String key = record.key();
        if (record.value() instanceof MesosTaskEvent event) {
            byMesos.apply(key, event.getMeta(), previous -> event.getMeta().getKind() == EventKind.GONE ? null
                            : TaskViewFold.apply(previous, event))
                    .ifPresentOrElse(applied -> {
                                if (applied.deleted()) {
                                    // Marathon's position of the task must expire with the task.
                                    byMarathon.delete(key, event.getMeta().getIngestTimestamp());
                                }
                                forward(record, applied.row());
                            },
                            () -> log.debug("Ignoring Mesos event behind task {}: session {} sequence {}", key,
                                    event.getMeta().getSessionId(), event.getMeta().getSequence()));
        } else if (record.value() instanceof MarathonEvent event) {
            if (byMesos.get(key) == null && byMesos.seen(key)) {
                log.debug("Ignoring Marathon event for task {}: Mesos removed it", key);
                return;
            }
            EntityKey task = EntityKey.parse(key);
            byMarathon.apply(key, event.getMeta(), previous -> TaskMarathonFold.apply(previous, task.cluster(),
                            task.id(), event))
                    .ifPresent(applied -> forward(record, applied.row()));
        }
    }

    /**
     * Forwards a row change at the task's stream time rather than its event's record time: Mesos and
     * Marathon events are stamped by different producers, and a change must not be older than the
     * change before it, or the tables downstream would see it as out of order.
     */
    private void forward(Record<String, SpecificRecord> record, TaskView row) {
        context.forward(record.withValue(row).withTimestamp(Math.max(record.timestamp(),
                context.currentStreamTimeMs())));
    }

    private void removeFinished(long now) {
        Instant cutoff = Instant.ofEpochMilli(now).minus(finishedRetention);
        List<String> expired = byMesos.keysWhere(row -> row.getFinished() != null && row.getFinished().isBefore(cutoff));
        for (String key : expired) {
            byMesos.delete(key, Instant.ofEpochMilli(now));
            byMarathon.delete(key, Instant.ofEpochMilli(now));
            context.forward(new Record<>(key, null, now));
        }
        if (!expired.isEmpty()) {
            log.info("Removed {} tasks finished more than {} ago", expired.size(), finishedRetention);
        }
    }
}
