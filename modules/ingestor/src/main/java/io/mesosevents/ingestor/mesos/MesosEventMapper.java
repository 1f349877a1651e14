package io.mesosevents.ingestor.mesos;

import io.mesosevents.ingestor.OutboundRecord;
import io.mesosevents.ingestor.EventMetaSource;
import io.mesosevents.mesos.MesosEncoding;
import io.mesosevents.model.EntityKey;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;
import org.apache.mesos.v1.master.Protos.Response.GetTasks;

/**
 * Turns decoded Mesos Operator API events of one cluster into the records to write: pure, no I/O.
 *
 * <p>Entity records are keyed {@code <cluster>/<id>} ({@link EntityKey}); events this version
 * does not model go to {@code mesos.other-events}, keyed by the cluster, with their raw bytes. No
 * event is dropped, except HEARTBEAT, which says nothing about the cluster.
 *
 * <p>Messages should be decoded with {@code buildPartial()}: a state this Mesos version does not
 * know leaves a required enum field unset, and {@code build()} would reject the whole event.
 */
public final class MesosEventMapper {

    private final String cluster;

    public MesosEventMapper(String cluster) {
        this.cluster = EntityKey.requireValidCluster(cluster);
    }

    /**
     * One SNAPSHOT record per task, agent and framework of a SUBSCRIBED event, in the order of the
     * message: tasks (pending, launched, unreachable, completed, orphan), agents (registered, then
     * recovered, written inactive), frameworks (registered, completed, recovered). Executors have no
     * record type yet and are left out.
     *
     * @throws IllegalArgumentException if an entity lacks its id; nothing is stamped in that case,
     *                                  so the session's sequence has no gap
     */
    // Pending, orphan and recovered-framework lists are deprecated, yet masters may fill them; a
    // snapshot must hold every entity the master reports.
    @SuppressWarnings("deprecation")
    public List<OutboundRecord> snapshot(Event.Subscribed subscribed, EventMetaSource metaSource) {
        var state = subscribed.getGetState();
        GetTasks tasks = state.getGetTasks();
        GetAgents agents = state.getGetAgents();
        GetFrameworks frameworks = state.getGetFrameworks();
        List<Draft> drafts = new ArrayList<>();
        for (List<Task> list : List.of(tasks.getPendingTasksList(), tasks.getTasksList(),
                tasks.getUnreachableTasksList(), tasks.getCompletedTasksList(), tasks.getOrphanTasksList())) {
            for (Task task : list) {
                require(TaskRecords.identified(task), "a task without task or framework id");
                drafts.add(taskDraft(task, MesosEventType.SUBSCRIBED, EventKind.SNAPSHOT));
            }
        }
        for (GetAgents.Agent agent : agents.getAgentsList()) {
            require(AgentRecords.identified(agent.getAgentInfo()), "an agent without id");
            drafts.add(agentDraft(agent, MesosEventType.SUBSCRIBED, EventKind.SNAPSHOT));
        }
        for (AgentInfo info : agents.getRecoveredAgentsList()) {
            require(AgentRecords.identified(info), "a recovered agent without id");
            drafts.add(entity(Topic.MESOS_AGENT_EVENTS, info.getId().getValue(), EventKind.SNAPSHOT, null,
                    meta -> AgentRecords.recovered(meta, info)));
        }
        for (List<GetFrameworks.Framework> list : List.of(frameworks.getFrameworksList(),
                frameworks.getCompletedFrameworksList())) {
            for (GetFrameworks.Framework framework : list) {
                require(FrameworkRecords.identified(framework.getFrameworkInfo()), "a framework without id");
                drafts.add(frameworkDraft(framework, MesosEventType.SUBSCRIBED, EventKind.SNAPSHOT));
            }
        }
        for (FrameworkInfo info : frameworks.getRecoveredFrameworksList()) {
            require(FrameworkRecords.identified(info), "a recovered framework without id");
            drafts.add(entity(Topic.MESOS_FRAMEWORK_EVENTS, info.getId().getValue(), EventKind.SNAPSHOT, null,
                    meta -> FrameworkRecords.recovered(meta, info)));
        }
        return stamp(drafts, metaSource);
    }

    /**
     * The DELTA records of one live event: one typed record for TASK_ADDED, TASK_UPDATED,
     * AGENT_ADDED, AGENT_REMOVED and FRAMEWORK_ADDED/UPDATED/REMOVED; none for HEARTBEAT and
     * SUBSCRIBED (see {@link #snapshot}); for anything else (an UNKNOWN or newer type, or a known
     * type without the part that identifies its entity) one {@code MesosOtherEvent} holding
     * {@code raw}, the exact bytes {@code event} was decoded from with {@code encoding}.
     */
    public List<OutboundRecord> delta(Event event, byte[] raw, MesosEncoding encoding, EventMetaSource metaSource) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(encoding, "encoding");
        List<Draft> drafts = typed(event).orElseGet(() -> List.of(otherDraft(event, raw, encoding)));
        return stamp(drafts, metaSource);
    }

    /** The records of an event this version models; empty if it does not model it. */
    private Optional<List<Draft>> typed(Event event) {
        if (!event.hasType()) {
            return Optional.empty();
        }
        return switch (event.getType()) {
            case HEARTBEAT, SUBSCRIBED -> Optional.of(List.of());
            case TASK_ADDED -> {
                Task task = event.getTaskAdded().getTask();
                yield one(TaskRecords.identified(task),
                        () -> taskDraft(task, MesosEventType.TASK_ADDED, EventKind.DELTA));
            }
            case TASK_UPDATED -> {
                Event.TaskUpdated update = event.getTaskUpdated();
                yield one(TaskRecords.identified(update), () -> updateDraft(update));
            }
            case AGENT_ADDED -> {
                GetAgents.Agent agent = event.getAgentAdded().getAgent();
                yield one(AgentRecords.identified(agent.getAgentInfo()),
                        () -> agentDraft(agent, MesosEventType.AGENT_ADDED, EventKind.DELTA));
            }
            case AGENT_REMOVED -> {
                AgentID id = event.getAgentRemoved().getAgentId();
                yield one(AgentRecords.identified(id), () -> removedAgentDraft(id));
            }
            case FRAMEWORK_ADDED -> frameworkChange(event.getFrameworkAdded().getFramework(),
                    MesosEventType.FRAMEWORK_ADDED);
            case FRAMEWORK_UPDATED -> frameworkChange(event.getFrameworkUpdated().getFramework(),
                    MesosEventType.FRAMEWORK_UPDATED);
            case FRAMEWORK_REMOVED -> {
                FrameworkInfo info = event.getFrameworkRemoved().getFrameworkInfo();
                yield one(FrameworkRecords.identified(info), () -> removedFrameworkDraft(info));
            }
            case UNKNOWN -> Optional.empty();
        };
    }

    private Optional<List<Draft>> frameworkChange(GetFrameworks.Framework framework, MesosEventType type) {
        return one(FrameworkRecords.identified(framework.getFrameworkInfo()),
                () -> frameworkDraft(framework, type, EventKind.DELTA));
    }

    private Draft taskDraft(Task task, MesosEventType type, EventKind kind) {
        return entity(Topic.MESOS_TASK_EVENTS, task.getTaskId().getValue(), kind, null,
                meta -> TaskRecords.of(meta, type, task));
    }

    /** The one event that says when it happened: the status update's timestamp. */
    private Draft updateDraft(Event.TaskUpdated update) {
        return entity(Topic.MESOS_TASK_EVENTS, update.getStatus().getTaskId().getValue(), EventKind.DELTA,
                TaskStatuses.timestamp(update.getStatus()), meta -> TaskRecords.of(meta, update));
    }

    private Draft agentDraft(GetAgents.Agent agent, MesosEventType type, EventKind kind) {
        return entity(Topic.MESOS_AGENT_EVENTS, agent.getAgentInfo().getId().getValue(), kind, null,
                meta -> AgentRecords.of(meta, type, agent));
    }

    private Draft removedAgentDraft(AgentID id) {
        return entity(Topic.MESOS_AGENT_EVENTS, id.getValue(), EventKind.DELTA, null,
                meta -> AgentRecords.removed(meta, id));
    }

    private Draft frameworkDraft(GetFrameworks.Framework framework, MesosEventType type, EventKind kind) {
        return entity(Topic.MESOS_FRAMEWORK_EVENTS, framework.getFrameworkInfo().getId().getValue(), kind, null,
                meta -> FrameworkRecords.of(meta, type, framework));
    }

    private Draft removedFrameworkDraft(FrameworkInfo info) {
        return entity(Topic.MESOS_FRAMEWORK_EVENTS, info.getId().getValue(), EventKind.DELTA, null,
                meta -> FrameworkRecords.removed(meta, info));
    }

    /** Cluster-keyed: the event may be about no entity, or about one this version cannot name. */
    private Draft otherDraft(Event event, byte[] raw, MesosEncoding encoding) {
        return new Draft(Topic.MESOS_OTHER_EVENTS, cluster, EventKind.DELTA, null,
                meta -> OtherEvents.of(meta, event, raw, encoding));
    }

    private Draft entity(Topic topic, String id, EventKind kind, Instant sourceTimestamp,
                         Function<EventMeta, SpecificRecord> body) {
        return new Draft(topic, new EntityKey(cluster, id).encode(), kind, sourceTimestamp, body);
    }

    /** The draft of an event whose entity is identified; empty (an event kept raw) otherwise. */
    private static Optional<List<Draft>> one(boolean identified, Supplier<Draft> draft) {
        return identified ? Optional.of(List.of(draft.get())) : Optional.empty();
    }

    private static void require(boolean identified, String what) {
        if (!identified) {
            throw new IllegalArgumentException("SUBSCRIBED snapshot holds " + what + "; it cannot be keyed");
        }
    }

    /**
     * Stamps the drafts in order. Envelopes are taken only once every draft is known to be
     * keyable, so a rejected event never leaves a hole in the session's sequence.
     */
    private List<OutboundRecord> stamp(List<Draft> drafts, EventMetaSource metaSource) {
        List<OutboundRecord> records = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            EventMeta meta = metaSource.next(draft.kind(), draft.sourceTimestamp());
            // Keys name this mapper's cluster; an envelope naming another would contradict them.
            if (!cluster.equals(meta.getCluster())) {
                throw new IllegalStateException("envelope for cluster '" + meta.getCluster()
                        + "' given to the mapper of cluster '" + cluster + "'");
            }
            records.add(new OutboundRecord(draft.topic(), draft.key(), draft.body().apply(meta)));
        }
        return records;
    }

    /** A record whose envelope is not stamped yet. */
    private record Draft(Topic topic, String key, EventKind kind, Instant sourceTimestamp,
                         Function<EventMeta, SpecificRecord> body) {
    }
}
