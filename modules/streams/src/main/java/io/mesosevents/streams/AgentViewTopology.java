package io.mesosevents.streams;

import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.state.AgentView;
import io.mesosevents.model.state.TaskView;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;

/**
 * The agents table: {@code mesos.agent-events} folded into one AgentView per {@code <cluster>/<agent id>}
 * in the queryable store {@code agents}, every change written to the compacted {@code state.agents}.
 *
 * <p>The input is keyed by {@code <cluster>/<agent id>} already and the output keeps that key, so
 * the view needs no repartitioning and two clusters sharing an agent id never meet. An agent that
 * is removed (AGENT_REMOVED) or GONE becomes a tombstone; see {@link AgentViewFold}.
 *
 * <p>Operators are named so that the view's part of a larger topology stays recognisable and does
 * not shift when other views are added beside it.
 */
public final class AgentViewTopology {

    /** The rows as the events fold them, before {@link #publish} adds their task counts. */
    static final String ROW_STORE = "agent-rows";

    /** Positions of the events that last changed each row, kept beside the rows. */
    static final String POSITION_STORE = "agent-positions";

    private AgentViewTopology() {
    }

    /**
     * Adds the folding of {@code mesos.agent-events} (topics under {@code topicPrefix}) into one row per
     * agent; {@link #publish} turns the rows into the view.
     *
     * @return the row changes; a null value is a tombstone
     */
    public static KStream<String, AgentView> addTo(StreamsBuilder builder, String topicPrefix, ViewSerdes serdes) {
        String rowStore = ROW_STORE;
        builder.addStateStore(serdes.rowStore(rowStore, AgentView.class));
        builder.addStateStore(serdes.positionStore(POSITION_STORE));

        KStream<String, AgentView> changes = builder
                .stream(Topic.MESOS_AGENT_EVENTS.name(topicPrefix),
                        Consumed.with(serdes.keys(), serdes.values(MesosAgentEvent.class)).withName("agent-events"))
                .filter((key, event) -> describesAnAgent(event), Named.as("agent-events-without-markers"))
                .processValues(() -> new EntityFoldProcessor<>("agent", rowStore, POSITION_STORE, MesosAgentEvent::getMeta,
                        MesosAgentEvent::getEventType, AgentViewFold::apply), Named.as("agent-view"), rowStore, POSITION_STORE);
        return changes;
    }

    /**
     * Publishes the view: every row of {@code rows} with the counts of its tasks, as the queryable
     * store {@code agents} and the topic {@code state.agents} (see {@link TaskCountsJoin}).
     */
    public static KTable<String, AgentView> publish(KTable<String, AgentView> rows, KTable<String, TaskView> tasks,
                                                 String topicPrefix, ViewSerdes serdes) {
        return TaskCountsJoin.publish("agent", rows, tasks, TaskCountsAggregation::byAgent,
                (row, counts) -> AgentView.newBuilder(row).setTasks(counts).build(), ViewStores.AGENTS, Topic.STATE_AGENTS, topicPrefix,
                serdes);
    }

    /**
     * False for snapshot markers (keyed by the bare cluster, empty agent id) and for a record without
     * a value: neither says anything about an agent.
     */
    private static boolean describesAnAgent(MesosAgentEvent event) {
        if (event == null) {
            return false;
        }
        EventKind kind = event.getMeta().getKind();
        return kind != EventKind.SNAPSHOT_BEGIN && kind != EventKind.SNAPSHOT_END && !event.getAgentId().isEmpty();
    }
}
