package io.mesosevents.streams;

import static io.mesosevents.streams.CarriedFields.ifCarried;
import static io.mesosevents.streams.CarriedFields.ifNotEmpty;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.state.AgentView;

/**
 * Folds one agent event into the agent's row: a pure function, so it is tested without Kafka.
 *
 * <p>AGENT_REMOVED and GONE delete the row (the result is null, a tombstone in {@code state.agents}):
 * the agent left the cluster, or vanished while the ingestor was away. Any other event restates the
 * agent; a field it does not carry (null, or an empty list or map) keeps its previous value, because
 * a partial record must not erase what an earlier one said. The price: a list that really became
 * empty stays as it was until the agent is removed.
 */
final class AgentViewFold {

    private AgentViewFold() {
    }

    /** The row after {@code event}, or null when the agent is deleted; {@code previous} is null for an agent not seen. */
    static AgentView apply(AgentView previous, MesosAgentEvent event) {
        EventMeta meta = event.getMeta();
        if (meta.getKind() == EventKind.GONE || event.getEventType() == MesosEventType.AGENT_REMOVED) {
            return null;
        }
        AgentView.Builder row = previous != null ? AgentView.newBuilder(previous) : AgentView.newBuilder();
        row.setCluster(meta.getCluster()).setAgentId(event.getAgentId());
        ifCarried(event.getHostname(), row::setHostname);
        ifCarried(event.getPort(), row::setPort);
        ifCarried(event.getPid(), row::setPid);
        ifCarried(event.getVersion(), row::setVersion);
        ifNotEmpty(event.getResources(), row::setResources);
        ifNotEmpty(event.getAttributes(), row::setAttributes);
        ifCarried(event.getActive(), row::setActive);
        ifCarried(event.getRegisteredTime(), row::setRegisteredTime);
        ifCarried(event.getReregisteredTime(), row::setReregisteredTime);
        ifNotEmpty(event.getCapabilities(), row::setCapabilities);
        return row.setUpdatedAt(meta.getIngestTimestamp()).setLastSessionId(meta.getSessionId())
                .setLastSequence(meta.getSequence()).build();
    }
}
