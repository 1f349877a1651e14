package io.mesosevents.ingestor.mesos;

import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.master.Protos.Response.GetAgents.Agent;

/**
 * Mesos agents as {@link MesosAgentEvent}s, in the three shapes the Operator API gives them:
 * a registered agent (AGENT_ADDED, snapshot {@code agents}), a recovered agent (snapshot
 * {@code recovered_agents}: only its AgentInfo) and a removed agent (AGENT_REMOVED: only its id).
 */
final class AgentRecords {

    private AgentRecords() {
    }

    /** Whether the agent info names the agent; it is optional in the proto but the record's key. */
    static boolean identified(AgentInfo info) {
        return !info.getId().getValue().isEmpty();
    }

    static boolean identified(AgentID id) {
        return !id.getValue().isEmpty();
    }

    /**
     * A registered agent. {@code active} is false both when the master marks the agent inactive
     * (disconnected) and when an operator deactivated or is draining it ({@code deactivated}), as
     * the schema's "not deactivated or draining" asks.
     */
    static MesosAgentEvent of(EventMeta meta, MesosEventType eventType, Agent agent) {
        AgentInfo info = agent.getAgentInfo();
        List<String> capabilities = new ArrayList<>(agent.getCapabilitiesCount());
        for (AgentInfo.Capability capability : agent.getCapabilitiesList()) {
            capabilities.add(ProtoEnums.name(capability, AgentInfo.Capability.TYPE_FIELD_NUMBER)
                    .orElse(capability.getType().name()));
        }
        return MesosAgentEvent.newBuilder()
                .setMeta(meta)
                .setEventType(eventType)
                .setAgentId(info.getId().getValue())
                .setHostname(info.hasHostname() ? info.getHostname() : null)
                .setPort(info.hasPort() ? info.getPort() : null)
                .setPid(agent.hasPid() ? agent.getPid() : null)
                .setVersion(agent.hasVersion() ? agent.getVersion() : null)
                .setResources(Resources.of(agent.getTotalResourcesList()))
                .setAttributes(AttributeTexts.of(info.getAttributesList()))
                .setActive(agent.hasActive() ? agent.getActive() && !agent.getDeactivated() : null)
                .setRegisteredTime(agent.hasRegisteredTime() ? MesosTimes.of(agent.getRegisteredTime()) : null)
                .setReregisteredTime(agent.hasReregisteredTime() ? MesosTimes.of(agent.getReregisteredTime()) : null)
                .setCapabilities(capabilities)
                .build();
    }

    /**
     * A recovered agent: one the master knows from its registry but that has not re-registered
     * since the master failed over. It gets no offers until it does (then AGENT_ADDED follows), so
     * it is written with {@code active = false}; its resources are those of its AgentInfo, and
     * version, pid, times and capabilities, which only registration tells, stay null or empty.
     */
    static MesosAgentEvent recovered(EventMeta meta, AgentInfo info) {
        return MesosAgentEvent.newBuilder()
                .setMeta(meta)
                .setEventType(MesosEventType.SUBSCRIBED)
                .setAgentId(info.getId().getValue())
                .setHostname(info.hasHostname() ? info.getHostname() : null)
                .setPort(info.hasPort() ? info.getPort() : null)
                .setPid(null)
                .setVersion(null)
                .setResources(Resources.of(info.getResourcesList()))
                .setAttributes(AttributeTexts.of(info.getAttributesList()))
                .setActive(false)
                .setRegisteredTime(null)
                .setReregisteredTime(null)
                .setCapabilities(new ArrayList<>())
                .build();
    }

    /**
     * An AGENT_REMOVED: the event names only the agent, so the record holds only its id, as the
     * schema says; the removal itself is the event type. Nothing else is invented (not even
     * {@code active = false}), so a consumer can tell "removed" from "seen inactive".
     */
    static MesosAgentEvent removed(EventMeta meta, AgentID id) {
        return MesosAgentEvent.newBuilder()
                .setMeta(meta)
                .setEventType(MesosEventType.AGENT_REMOVED)
                .setAgentId(id.getValue())
                .setHostname(null)
                .setPort(null)
                .setPid(null)
                .setVersion(null)
                .setResources(new ArrayList<>())
                .setAttributes(new LinkedHashMap<>())
                .setActive(null)
                .setRegisteredTime(null)
                .setReregisteredTime(null)
                .setCapabilities(new ArrayList<>())
                .build();
    }
}
