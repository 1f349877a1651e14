package io.mesosevents.streams;

import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.state.AgentView;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

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

    /** Positions of the events that last changed each row, kept beside the {@code agents} store. */
    static final String POSITION_STORE = "agent-positions";

    private AgentViewTopology() {
    }

    /**
     * Adds the agents view to {@code builder}: {@code mesos.agent-events} → store {@code agents} →
     * {@code state.agents}, topics under {@code topicPrefix}.
     *
     * @return the row changes written to {@code state.agents}; a null value is a tombstone
     */
    public static KStream<String, AgentView> addTo(StreamsBuilder builder, String topicPrefix, ViewSerdes serdes) {
        String rowStore = ViewStores.AGENTS.storeName();
        builder.addStateStore(serdes.rowStore(rowStore, AgentView.class));
        builder.addStateStore(serdes.positionStore(POSITION_STORE));

        KStream<String, AgentView> changes = builder
                .stream(Topic.MESOS_AGENT_EVENTS.name(topicPrefix),
                        Consumed.with(serdes.keys(), serdes.values(MesosAgentEvent.class)).withName("agent-events"))
                .filter((key, event) -> describesAnAgent(event), Named.as("agent-events-without-markers"))
                .processValues(AgentViewProcessor::new, Named.as("agent-view"), rowStore, POSITION_STORE);
        changes.to(Topic.STATE_AGENTS.name(topicPrefix),
                Produced.with(serdes.keys(), serdes.values(AgentView.class)).withName("state-agents"));
        return changes;
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
