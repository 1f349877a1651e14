package io.mesosevents.streams;

import io.mesosevents.model.Topic;
import io.mesosevents.model.state.TaskCounts;
import io.mesosevents.model.state.TaskView;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.KeyValueMapper;
import org.apache.kafka.streams.kstream.Named;

/**
 * Publishes a table of agents or frameworks with the counts of their tasks: the task table counted
 * per entity ({@link TaskCountsAggregation}), left-joined to the entity rows, materialised as the
 * view's queryable store and written to its topic.
 *
 * <p>Kept apart from the rows the events fold into, because the task table is itself joined to the
 * agents' rows (for the host): joining it to rows that change with every count would re-join all
 * of an agent's tasks on every task change.
 */
final class TaskCountsJoin {

    private TaskCountsJoin() {
    }

    static <V extends SpecificRecord> KTable<String, V> publish(String entity, KTable<String, V> rows,
            KTable<String, TaskView> tasks, KeyValueMapper<String, TaskView, KeyValue<String, TaskView>> byEntity,
            BiFunction<V, TaskCounts, V> withTasks, ViewStores view, Topic topic, String topicPrefix,
            ViewSerdes serdes) {
        @SuppressWarnings("unchecked")
        Class<V> type = (Class<V>) view.rowType();
        KTable<String, TaskCounts> counts = tasks
                .groupBy(byEntity, Grouped.with("tasks-by-" + entity, serdes.keys(), serdes.values(TaskView.class)))
                .aggregate(TaskCountsAggregation::empty, TaskCountsAggregation::add, TaskCountsAggregation::remove,
                        Named.as(entity + "-task-counts"), serdes.materialized(entity + "-task-counts", TaskCounts.class));
        KTable<String, V> published = rows.leftJoin(counts, withTasks::apply, Named.as(entity + "-with-tasks"),
                serdes.materialized(view.storeName(), type));
        serdes.publish(published.toStream(Named.as(entity + "-changes")), topic.name(topicPrefix), type,
                topic.defaultName().replace('.', '-'));
        return published;
    }
}
