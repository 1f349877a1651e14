package io.mesosevents.ingestor.mesos;

import io.mesosevents.ingestor.OutboundRecord;
import static io.mesosevents.ingestor.mesos.MesosFixtures.AGENT_ID;
import static io.mesosevents.ingestor.mesos.MesosFixtures.MARATHON_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.mesos.MesosEncoding;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.apache.mesos.v1.master.Protos.Response.GetExecutors;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.apache.mesos.v1.master.Protos.Response.GetTasks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SUBSCRIBED snapshot: one record per task, agent and framework the master knows, in message order. */
class SnapshotMappingTest {

    private static final String CLUSTER = "eu1";
    private static final String SPARK_ID = "5e1a8d0c-6f4b-4c1e-9b7a-2f1d3c4b5a60-0007";
    private static final String CHRONOS_ID = "5e1a8d0c-6f4b-4c1e-9b7a-2f1d3c4b5a60-0002";
    private static final String OLD_ID = "11111111-2222-3333-4444-555555555555-0001";
    private static final long UNREACHABLE_NANOS = 1_772_366_000_000_000_000L;

    @BeforeAll
    static void trustModelClasses() {
        AvroClassTrust.install();
    }

    /** A cluster after a master failover: live, unreachable and finished work, agents still to come back. */
    @SuppressWarnings("deprecation") // deprecated lists included: masters may still fill them
    static Event realisticSubscribed() {
        GetTasks.Builder tasks = GetTasks.newBuilder()
                .addPendingTasks(MesosFixtures.task("pending-1", Protos.TaskState.TASK_STAGING))
                .addTasks(MesosFixtures.task("web.1", Protos.TaskState.TASK_RUNNING))
                .addTasks(MesosFixtures.task("web.2", Protos.TaskState.TASK_RUNNING))
                .addTasks(MesosFixtures.task("web.3", Protos.TaskState.TASK_KILLING))
                .addUnreachableTasks(MesosFixtures.task("web.4", Protos.TaskState.TASK_UNREACHABLE)
                        .setStatuses(0, MesosFixtures.status("web.4", Protos.TaskState.TASK_UNREACHABLE)
                                .setSource(Protos.TaskStatus.Source.SOURCE_MASTER)
                                .setReason(Protos.TaskStatus.Reason.REASON_AGENT_REMOVED)
                                .setUnreachableTime(Protos.TimeInfo.newBuilder().setNanoseconds(UNREACHABLE_NANOS))))
                .addCompletedTasks(MesosFixtures.task("batch.1", Protos.TaskState.TASK_FINISHED)
                        .setFrameworkId(Protos.FrameworkID.newBuilder().setValue(CHRONOS_ID)))
                .addCompletedTasks(MesosFixtures.task("web.0", Protos.TaskState.TASK_KILLED))
                .addOrphanTasks(MesosFixtures.task("orphan.1", Protos.TaskState.TASK_RUNNING)
                        .setFrameworkId(Protos.FrameworkID.newBuilder().setValue(OLD_ID)));
        GetAgents.Builder agents = GetAgents.newBuilder()
                .addAgents(MesosFixtures.agent(AGENT_ID, "node-7.example.com"))
                .addAgents(MesosFixtures.agent("agent-S4", "node-8.example.com").setActive(false))
                .addRecoveredAgents(MesosFixtures.agentInfo("agent-S5", "node-9.example.com"));
        GetFrameworks.Builder frameworks = GetFrameworks.newBuilder()
                .addFrameworks(MesosFixtures.framework(MARATHON_ID, "marathon"))
                .addFrameworks(MesosFixtures.framework(SPARK_ID, "spark").setActive(false).setConnected(false)
                        .setRecovered(true))
                .addCompletedFrameworks(MesosFixtures.framework(CHRONOS_ID, "chronos").setActive(false)
                        .setConnected(false)
                        .setUnregisteredTime(Protos.TimeInfo.newBuilder().setNanoseconds(UNREACHABLE_NANOS)))
                .addRecoveredFrameworks(MesosFixtures.frameworkInfo(OLD_ID, "legacy"));
        GetExecutors.Builder executors = GetExecutors.newBuilder()
                .addExecutors(GetExecutors.Executor.newBuilder()
                        .setExecutorInfo(Protos.ExecutorInfo.newBuilder()
                                .setExecutorId(Protos.ExecutorID.newBuilder().setValue(MesosFixtures.EXECUTOR_ID)))
                        .setAgentId(Protos.AgentID.newBuilder().setValue(AGENT_ID)));
        return MesosFixtures.subscribed(GetState.newBuilder().setGetTasks(tasks).setGetAgents(agents)
                .setGetFrameworks(frameworks).setGetExecutors(executors));
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void oneSnapshotRecordPerEntityInMessageOrder(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);

        List<OutboundRecord> records = harness.snapshot(realisticSubscribed(), encoding);

        assertThat(records).extracting(OutboundRecord::topic).containsExactly(
                Topic.MESOS_TASK_EVENTS, Topic.MESOS_TASK_EVENTS, Topic.MESOS_TASK_EVENTS, Topic.MESOS_TASK_EVENTS,
                Topic.MESOS_TASK_EVENTS, Topic.MESOS_TASK_EVENTS, Topic.MESOS_TASK_EVENTS, Topic.MESOS_TASK_EVENTS,
                Topic.MESOS_AGENT_EVENTS, Topic.MESOS_AGENT_EVENTS, Topic.MESOS_AGENT_EVENTS,
                Topic.MESOS_FRAMEWORK_EVENTS, Topic.MESOS_FRAMEWORK_EVENTS, Topic.MESOS_FRAMEWORK_EVENTS,
                Topic.MESOS_FRAMEWORK_EVENTS);
        assertThat(records).extracting(OutboundRecord::key).containsExactly(
                "eu1/pending-1", "eu1/web.1", "eu1/web.2", "eu1/web.3", "eu1/web.4", "eu1/batch.1", "eu1/web.0",
                "eu1/orphan.1", "eu1/" + AGENT_ID, "eu1/agent-S4", "eu1/agent-S5", "eu1/" + MARATHON_ID,
                "eu1/" + SPARK_ID, "eu1/" + CHRONOS_ID, "eu1/" + OLD_ID);
        assertThat(harness.meta.calls()).hasSize(15)
                .allMatch(call -> call.kind() == EventKind.SNAPSHOT && call.sourceTimestamp() == null);
        assertThat(records).extracting(r -> meta(r.value()).getSequence())
                .containsExactlyElementsOf(IntStream.range(0, 15).mapToObj(Long::valueOf).toList());
        assertThat(records).extracting(r -> eventType(r.value())).containsOnly(MesosEventType.SUBSCRIBED);
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void tasksKeepTheirStatesIncludingUnreachableAndCompletedOnes(MesosEncoding encoding) {
        Map<String, MesosTaskEvent> tasks = byKey(new Harness(CLUSTER).snapshot(realisticSubscribed(), encoding),
                MesosTaskEvent.class);

        assertThat(tasks).hasSize(8);
        assertThat(tasks.get("eu1/pending-1").getState()).isEqualTo(TaskState.TASK_STAGING);
        assertThat(tasks.get("eu1/web.3").getState()).isEqualTo(TaskState.TASK_KILLING);
        MesosTaskEvent unreachable = tasks.get("eu1/web.4");
        assertThat(unreachable.getState()).isEqualTo(TaskState.TASK_UNREACHABLE);
        assertThat(unreachable.getStatus().getReason()).isEqualTo("REASON_AGENT_REMOVED");
        assertThat(unreachable.getStatus().getUnreachableTime()).isEqualTo(Instant.ofEpochSecond(1_772_366_000L));
        assertThat(tasks.get("eu1/batch.1").getState()).isEqualTo(TaskState.TASK_FINISHED);
        assertThat(tasks.get("eu1/batch.1").getFrameworkId()).isEqualTo(CHRONOS_ID);
        assertThat(tasks.get("eu1/web.0").getState()).isEqualTo(TaskState.TASK_KILLED);
        assertThat(tasks.get("eu1/orphan.1").getFrameworkId()).isEqualTo(OLD_ID);
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void recoveredAgentIsWrittenInactiveWithWhatItsInfoSays(MesosEncoding encoding) {
        Map<String, MesosAgentEvent> agents = byKey(new Harness(CLUSTER).snapshot(realisticSubscribed(), encoding),
                MesosAgentEvent.class);

        assertThat(agents.get("eu1/" + AGENT_ID).getActive()).isTrue();
        assertThat(agents.get("eu1/agent-S4").getActive()).isFalse();
        MesosAgentEvent recovered = agents.get("eu1/agent-S5");
        assertThat(recovered.getActive()).isFalse();
        assertThat(recovered.getHostname()).isEqualTo("node-9.example.com");
        assertThat(recovered.getPort()).isEqualTo(5051);
        assertThat(recovered.getResources()).extracting(io.mesosevents.model.mesos.Resource::getName).containsExactly("cpus");
        assertThat(recovered.getAttributes()).containsEntry("rack", "r12");
        assertThat(recovered.getVersion()).isNull();
        assertThat(recovered.getRegisteredTime()).isNull();
        assertThat(recovered.getCapabilities()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void frameworksIncludeRecoveredAndCompletedOnes(MesosEncoding encoding) {
        Map<String, MesosFrameworkEvent> frameworks = byKey(
                new Harness(CLUSTER).snapshot(realisticSubscribed(), encoding), MesosFrameworkEvent.class);

        assertThat(frameworks.get("eu1/" + MARATHON_ID).getActive()).isTrue();
        MesosFrameworkEvent recovered = frameworks.get("eu1/" + SPARK_ID);
        assertThat(List.of(recovered.getActive(), recovered.getConnected(), recovered.getRecovered()))
                .containsExactly(false, false, true);
        MesosFrameworkEvent completed = frameworks.get("eu1/" + CHRONOS_ID);
        assertThat(completed.getName()).isEqualTo("chronos");
        assertThat(completed.getActive()).isFalse();
        assertThat(completed.getUnregisteredTime()).isEqualTo(Instant.ofEpochSecond(1_772_366_000L));
        MesosFrameworkEvent legacyRecovered = frameworks.get("eu1/" + OLD_ID);
        assertThat(legacyRecovered.getName()).isEqualTo("legacy");
        assertThat(List.of(legacyRecovered.getActive(), legacyRecovered.getConnected(), legacyRecovered.getRecovered()))
                .containsExactly(false, false, true);
    }

    @Test
    void emptySnapshotGivesNoRecords() {
        Harness harness = new Harness(CLUSTER);

        assertThat(harness.snapshot(MesosFixtures.subscribed(GetState.newBuilder()), MesosEncoding.PROTOBUF)).isEmpty();
        assertThat(harness.meta.calls()).isEmpty();
    }

    @Test
    void entityWithoutIdRejectsTheSnapshotBeforeAnySequenceIsTaken() {
        Harness harness = new Harness(CLUSTER);
        Event.Subscribed subscribed = Event.Subscribed.newBuilder().setGetState(GetState.newBuilder()
                        .setGetTasks(GetTasks.newBuilder().addTasks(MesosFixtures.task("web.1", Protos.TaskState.TASK_RUNNING)))
                        .setGetAgents(GetAgents.newBuilder().addRecoveredAgents(
                                MesosFixtures.agentInfo("", "node-9.example.com"))))
                .build();

        assertThatThrownBy(() -> harness.mapper.snapshot(subscribed, harness.meta))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recovered agent without id");
        assertThat(harness.meta.calls()).isEmpty();
    }

    private static <T extends SpecificRecord> Map<String, T> byKey(List<OutboundRecord> records, Class<T> type) {
        return records.stream().filter(r -> type.isInstance(r.value()))
                .collect(Collectors.toMap(OutboundRecord::key, r -> type.cast(r.value())));
    }

    private static EventMeta meta(SpecificRecord value) {
        return (EventMeta) value.get(value.getSchema().getField("meta").pos());
    }

    private static MesosEventType eventType(SpecificRecord value) {
        return (MesosEventType) value.get(value.getSchema().getField("eventType").pos());
    }
}
