package io.mesosevents.streams;

import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.TaskView;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;

/**
 * The task table: every task's latest state, keyed {@code <cluster>/<task id>} and written to the
 * compacted {@code state.tasks}.
 *
 * <ol>
 *   <li>Mesos task events (snapshot markers dropped) and the task-scoped Marathon events,
 *       re-keyed from their app to the task ({@link MarathonTaskFacts}), meet in one processor
 *       that folds them into a row per task ({@link TaskViewProcessor}).</li>
 *   <li>The rows are joined to the agents table for the host ({@link TaskHosts}). The fold may
 *       remove rows from a punctuator (finished-task retention), so it is a key-changing
 *       {@code process()} and its rows pass through the repartition topic {@code task-rows}.</li>
 *   <li>The result is the queryable store {@code tasks} and the topic {@code state.tasks}.</li>
 * </ol>
 */
public final class TaskViewTopology {

    static final String ROW_STORE = "task-rows";
    static final String MESOS_POSITION_STORE = "task-mesos-positions";
    static final String MARATHON_POSITION_STORE = "task-marathon-positions";

    private TaskViewTopology() {
    }

    public static KTable<String, TaskView> addTo(StreamsBuilder builder, String topicPrefix, ViewSerdes serdes,
                                                 KStream<String, MarathonEvent> marathonEvents,
                                                 KTable<String, AgentView> agents, Duration finishedRetention) {
        builder.addStateStore(serdes.rowStore(ROW_STORE, TaskView.class));
        builder.addStateStore(serdes.positionStore(MESOS_POSITION_STORE));
        builder.addStateStore(serdes.positionStore(MARATHON_POSITION_STORE));

        KStream<String, SpecificRecord> mesosTaskEvents = builder
                .stream(Topic.MESOS_TASK_EVENTS.name(topicPrefix),
                        Consumed.with(serdes.keys(), serdes.values(MesosTaskEvent.class)).withName("task-events"))
                .filterNot((key, event) -> isMarker(event))
                .mapValues(event -> event);
        KStream<String, SpecificRecord> marathonTaskEvents = marathonEvents
                .flatMap((key, event) -> MarathonTaskFacts.of(event), Named.as("marathon-events-by-task"))
                .repartition(Repartitioned.with(serdes.keys(), serdes.values(MarathonEvent.class))
                        .withName("marathon-events-by-task"))
                .mapValues(event -> event);

        KTable<String, TaskView> rows = mesosTaskEvents.merge(marathonTaskEvents)
                .process(() -> new TaskViewProcessor(finishedRetention), Named.as("task-fold"), ROW_STORE,
                        MESOS_POSITION_STORE, MARATHON_POSITION_STORE)
                .toTable(Named.as("task-rows"), serdes.materialized("task-rows-table", TaskView.class));

        KTable<String, TaskView> tasks = rows.leftJoin(agents, TaskHosts::agentKey, TaskHosts::withHost,
                TableJoined.as("task-hosts"),
                serdes.materialized(ViewStores.TASKS.storeName(), TaskView.class));
        serdes.publish(tasks.toStream(Named.as("task-changes")), Topic.STATE_TASKS.name(topicPrefix), TaskView.class,
                "state-tasks");
        return tasks;
    }

    /** Snapshot markers are written to every partition keyed by cluster alone; they describe no task. */
    private static boolean isMarker(MesosTaskEvent event) {
        EventKind kind = event.getMeta().getKind();
        return kind == EventKind.SNAPSHOT_BEGIN || kind == EventKind.SNAPSHOT_END || event.getTaskId().isEmpty();
    }
}
