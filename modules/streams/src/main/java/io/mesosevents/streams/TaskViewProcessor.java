package io.mesosevents.streams;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.state.TaskView;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one row per task in a store and forwards every change: the new row, or a tombstone
 * (null) when the task is GONE.
 *
 * <p>Events of one task may arrive out of order (a snapshot taken before a live update can be
 * written after it), so the source time of the event that last changed a row is kept beside it;
 * TaskView has no field for it. An event older than that is dropped rather than moving the
 * row backwards. When either time is unknown the event is applied: there is nothing to compare.
 */
final class TaskViewProcessor implements FixedKeyProcessor<String, MesosTaskEvent, TaskView> {

    private static final Logger log = LoggerFactory.getLogger(TaskViewProcessor.class);

    private FixedKeyProcessorContext<String, TaskView> context;
    private KeyValueStore<String, TaskView> views;
    private KeyValueStore<String, Long> sourceTimes;

    @Override
    public void init(FixedKeyProcessorContext<String, TaskView> context) {
        this.context = context;
        this.views = context.getStateStore(TaskViewTopology.VIEW_STORE);
        this.sourceTimes = context.getStateStore(TaskViewTopology.SOURCE_TIME_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, MesosTaskEvent> record) {
        String key = record.key();
        MesosTaskEvent event = record.value();
        Instant sourceTime = event.getMeta().getSourceTimestamp();
        if (isOlderThanRow(key, sourceTime)) {
            log.debug("Ignoring out-of-order event for task {}: session {} sequence {}", key,
                    event.getMeta().getSessionId(), event.getMeta().getSequence());
            return;
        }
        if (event.getMeta().getKind() == EventKind.GONE) {
            views.delete(key);
            sourceTimes.delete(key);
            context.forward(record.withValue(null));
            return;
        }
        TaskView row = TaskViewFold.apply(views.get(key), event);
        views.put(key, row);
        if (sourceTime != null) {
            sourceTimes.put(key, sourceTime.toEpochMilli());
        }
        context.forward(record.withValue(row));
    }

    private boolean isOlderThanRow(String key, Instant sourceTime) {
        if (sourceTime == null) {
            return false;
        }
        Long rowTime = sourceTimes.get(key);
        return rowTime != null && sourceTime.toEpochMilli() < rowTime;
    }
}
