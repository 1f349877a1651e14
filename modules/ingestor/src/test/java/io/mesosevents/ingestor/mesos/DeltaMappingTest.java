package io.mesosevents.ingestor.mesos;

import io.mesosevents.ingestor.OutboundRecord;
import static io.mesosevents.ingestor.mesos.MesosFixtures.AGENT_ID;
import static io.mesosevents.ingestor.mesos.MesosFixtures.EXECUTOR_ID;
import static io.mesosevents.ingestor.mesos.MesosFixtures.MARATHON_ID;
import static io.mesosevents.ingestor.mesos.MesosFixtures.REGISTERED_MILLIS;
import static io.mesosevents.ingestor.mesos.MesosFixtures.STATUS_MILLIS;
import static io.mesosevents.ingestor.mesos.MesosFixtures.STATUS_UUID;
import static io.mesosevents.ingestor.mesos.MesosFixtures.TASK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mesosevents.mesos.MesosEncoding;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.mesos.MesosOtherEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.Resource;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.mesos.TaskStatusSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every live event type the mapper models, through both encodings of the Operator API. */
class DeltaMappingTest {

    private static final String CLUSTER = "eu1";

    @BeforeAll
    static void trustModelClasses() {
        AvroClassTrust.install();
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void taskAddedCarriesTheWholeTask(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);

        OutboundRecord record = single(harness.delta(
                MesosFixtures.taskAdded(MesosFixtures.task(TASK_ID, Protos.TaskState.TASK_RUNNING)), encoding));

        assertThat(record.topic()).isEqualTo(Topic.MESOS_TASK_EVENTS);
        assertThat(record.key()).isEqualTo("eu1/" + TASK_ID);
        MesosTaskEvent task = (MesosTaskEvent) record.value();
        assertThat(task.getMeta().getKind()).isEqualTo(EventKind.DELTA);
        assertThat(task.getMeta().getSourceTimestamp()).as("a task addition does not say when it happened").isNull();
        assertThat(task.getEventType()).isEqualTo(MesosEventType.TASK_ADDED);
        assertThat(task.getTaskId()).isEqualTo(TASK_ID);
        assertThat(task.getFrameworkId()).isEqualTo(MARATHON_ID);
        assertThat(task.getAgentId()).isEqualTo(AGENT_ID);
        assertThat(task.getExecutorId()).isEqualTo(EXECUTOR_ID);
        assertThat(task.getName()).isEqualTo("web");
        assertThat(task.getState()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(task.getStatusUpdateState()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(task.getUser()).isEqualTo("nobody");
        assertThat(task.getContainerType()).isEqualTo("DOCKER");
        assertThat(task.getHealthCheckType()).isEqualTo("HTTP");
        assertThat(task.getLabels()).containsExactly(Map.entry("MARATHON_APP_ID", "/prod/web"));
        assertThat(task.getResources()).containsExactly(
                Resource.newBuilder().setName("cpus").setRole("web").setScalar(0.5).build(),
                Resource.newBuilder().setName("mem").setScalar(256.0).build(),
                Resource.newBuilder().setName("ports").setRole("prod/web")
                        .setRanges(List.of(new Range(31000L, 31001L), new Range(31500L, 31500L))).build(),
                Resource.newBuilder().setName("gpu_models").setSet(List.of("k80", "v100")).build());
        assertThat(task.getStatus()).isEqualTo(expectedStatus(TaskState.TASK_RUNNING));
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void taskUpdatedKeepsTheNewerLatestStateBesideTheStatusState(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);

        OutboundRecord record = single(harness.delta(MesosFixtures.taskUpdated(
                MesosFixtures.status(TASK_ID, Protos.TaskState.TASK_STARTING), Protos.TaskState.TASK_RUNNING), encoding));

        assertThat(record.key()).isEqualTo("eu1/" + TASK_ID);
        MesosTaskEvent task = (MesosTaskEvent) record.value();
        assertThat(task.getEventType()).isEqualTo(MesosEventType.TASK_UPDATED);
        assertThat(task.getTaskId()).isEqualTo(TASK_ID);
        assertThat(task.getFrameworkId()).isEqualTo(MARATHON_ID);
        assertThat(task.getAgentId()).isEqualTo(AGENT_ID);
        assertThat(task.getExecutorId()).isEqualTo(EXECUTOR_ID);
        assertThat(task.getState()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(task.getStatus()).isEqualTo(expectedStatus(TaskState.TASK_STARTING));
        assertThat(task.getName()).isNull();
        assertThat(task.getResources()).isEmpty();
        assertThat(task.getStatusUpdateState()).isNull();
        assertThat(task.getMeta().getSourceTimestamp()).isEqualTo(Instant.ofEpochMilli(STATUS_MILLIS));
        assertThat(harness.meta.calls()).containsExactly(
                new RecordingMeta.Call(EventKind.DELTA, Instant.ofEpochMilli(STATUS_MILLIS)));
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void skippedStatesAreWrittenAsTheyCome(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);

        List<OutboundRecord> records = new ArrayList<>();
        records.addAll(harness.delta(MesosFixtures.taskUpdated(
                MesosFixtures.status(TASK_ID, Protos.TaskState.TASK_STAGING), Protos.TaskState.TASK_STAGING), encoding));
        // STARTING and RUNNING never reported: the agent went straight to a terminal state.
        records.addAll(harness.delta(MesosFixtures.taskUpdated(
                MesosFixtures.status(TASK_ID, Protos.TaskState.TASK_FAILED)
                        .setReason(Protos.TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED),
                Protos.TaskState.TASK_FAILED), encoding));

        assertThat(records).extracting(r -> ((MesosTaskEvent) r.value()).getState())
                .containsExactly(TaskState.TASK_STAGING, TaskState.TASK_FAILED);
        assertThat(records).extracting(r -> ((MesosTaskEvent) r.value()).getMeta().getSequence())
                .containsExactly(0L, 1L);
        assertThat(((MesosTaskEvent) records.get(1).value()).getStatus().getReason())
                .isEqualTo("REASON_CONTAINER_LAUNCH_FAILED");
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void sameStateHealthUpdateCarriesTheVerdict(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);

        OutboundRecord record = single(harness.delta(MesosFixtures.taskUpdated(
                MesosFixtures.status(TASK_ID, Protos.TaskState.TASK_RUNNING)
                        .setHealthy(false)
                        .setSource(Protos.TaskStatus.Source.SOURCE_EXECUTOR)
                        .setReason(Protos.TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED),
                Protos.TaskState.TASK_RUNNING), encoding));

        MesosTaskEvent task = (MesosTaskEvent) record.value();
        assertThat(task.getState()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(task.getStatus().getState()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(task.getStatus().getHealthy()).isFalse();
        assertThat(task.getStatus().getReason()).isEqualTo("REASON_TASK_HEALTH_CHECK_STATUS_UPDATED");
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void agentAddedCarriesTheAgent(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);

        OutboundRecord record = single(harness.delta(
                MesosFixtures.agentAdded(MesosFixtures.agent(AGENT_ID, "node-7.example.com")), encoding));

        assertThat(record.topic()).isEqualTo(Topic.MESOS_AGENT_EVENTS);
        assertThat(record.key()).isEqualTo("eu1/" + AGENT_ID);
        MesosAgentEvent agent = (MesosAgentEvent) record.value();
        assertThat(agent.getEventType()).isEqualTo(MesosEventType.AGENT_ADDED);
        assertThat(agent.getMeta().getKind()).isEqualTo(EventKind.DELTA);
        assertThat(agent.getAgentId()).isEqualTo(AGENT_ID);
        assertThat(agent.getHostname()).isEqualTo("node-7.example.com");
        assertThat(agent.getPort()).isEqualTo(5051);
        assertThat(agent.getPid()).isEqualTo("slave(1)@10.0.3.7:5051");
        assertThat(agent.getVersion()).isEqualTo("1.11.0");
        assertThat(agent.getActive()).isTrue();
        assertThat(agent.getRegisteredTime()).isEqualTo(Instant.ofEpochMilli(REGISTERED_MILLIS));
        assertThat(agent.getReregisteredTime()).isEqualTo(Instant.ofEpochMilli(REGISTERED_MILLIS + 60_000));
        assertThat(agent.getResources()).extracting(Resource::getName, Resource::getScalar)
                .containsExactly(tuple("cpus", 8.0),
                        tuple("mem", 31744.0));
        assertThat(agent.getAttributes()).containsExactly(Map.entry("rack", "r12"), Map.entry("cores", "16"),
                Map.entry("weight", "0.25"), Map.entry("vlans", "[100-199,300-300]"), Map.entry("disks", "{ssd,nvme}"));
        assertThat(agent.getCapabilities()).containsExactly("MULTI_ROLE", "HIERARCHICAL_ROLE");
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void deactivatedAgentIsNotActive(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);

        OutboundRecord record = single(harness.delta(MesosFixtures.agentAdded(
                MesosFixtures.agent(AGENT_ID, "node-7.example.com").setDeactivated(true)), encoding));

        assertThat(((MesosAgentEvent) record.value()).getActive()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void agentRemovedHoldsOnlyTheId(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);

        OutboundRecord record = single(harness.delta(MesosFixtures.agentRemoved(AGENT_ID), encoding));

        assertThat(record.topic()).isEqualTo(Topic.MESOS_AGENT_EVENTS);
        assertThat(record.key()).isEqualTo("eu1/" + AGENT_ID);
        MesosAgentEvent agent = (MesosAgentEvent) record.value();
        assertThat(agent.getEventType()).isEqualTo(MesosEventType.AGENT_REMOVED);
        assertThat(agent.getAgentId()).isEqualTo(AGENT_ID);
        assertThat(agent.getHostname()).isNull();
        assertThat(agent.getActive()).isNull();
        assertThat(agent.getResources()).isEmpty();
        assertThat(agent.getAttributes()).isEmpty();
    }

    static Stream<Arguments> frameworkChanges() {
        return Stream.of(MesosEncoding.values()).flatMap(encoding -> Stream.of(
                Arguments.of(Event.Type.FRAMEWORK_ADDED, encoding), Arguments.of(Event.Type.FRAMEWORK_UPDATED, encoding)));
    }

    @ParameterizedTest
    @MethodSource("frameworkChanges")
    void frameworkAddedAndUpdatedCarryInfoAndState(Event.Type type, MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);
        var framework = MesosFixtures.framework(MARATHON_ID, "marathon")
                .setConnected(false)
                .setUnregisteredTime(Protos.TimeInfo.newBuilder().setNanoseconds(2_000_000_000_000_000_000L));
        Event event = type == Event.Type.FRAMEWORK_ADDED ? MesosFixtures.frameworkAdded(framework)
                : MesosFixtures.frameworkUpdated(framework);

        OutboundRecord record = single(harness.delta(event, encoding));

        assertThat(record.topic()).isEqualTo(Topic.MESOS_FRAMEWORK_EVENTS);
        assertThat(record.key()).isEqualTo("eu1/" + MARATHON_ID);
        MesosFrameworkEvent mapped = (MesosFrameworkEvent) record.value();
        assertThat(mapped.getEventType()).isEqualTo(MesosEventType.valueOf(type.name()));
        assertThat(mapped.getMeta().getKind()).isEqualTo(EventKind.DELTA);
        assertThat(mapped.getFrameworkId()).isEqualTo(MARATHON_ID);
        assertThat(mapped.getName()).isEqualTo("marathon");
        assertThat(mapped.getUser()).isEqualTo("root");
        assertThat(mapped.getPrincipal()).isEqualTo("marathon");
        assertThat(mapped.getHostname()).isEqualTo("marathon-1.example.com");
        assertThat(mapped.getWebuiUrl()).isEqualTo("http://marathon-1.example.com:8080");
        assertThat(mapped.getRoles()).containsExactly("prod", "prod/web");
        assertThat(mapped.getActive()).isTrue();
        assertThat(mapped.getConnected()).isFalse();
        assertThat(mapped.getRecovered()).isFalse();
        assertThat(mapped.getCheckpoint()).isTrue();
        assertThat(mapped.getFailoverTimeoutSeconds()).isEqualTo(604_800.0);
        assertThat(mapped.getRegisteredTime()).isEqualTo(Instant.ofEpochMilli(REGISTERED_MILLIS));
        assertThat(mapped.getReregisteredTime()).isNull();
        assertThat(mapped.getUnregisteredTime()).isEqualTo(Instant.ofEpochSecond(2_000_000_000L));
        assertThat(mapped.getCapabilities()).containsExactly("PARTITION_AWARE", "MULTI_ROLE");
        assertThat(mapped.getLabels()).containsExactly(Map.entry("owner", "platform"));
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    @SuppressWarnings("deprecation") // the legacy single role is the subject
    void frameworkWithTheLegacySingleRoleListsIt(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);
        var info = MesosFixtures.frameworkInfo(MARATHON_ID, "marathon").clearRoles().setRole("legacy");

        OutboundRecord record = single(harness.delta(
                MesosFixtures.frameworkAdded(MesosFixtures.framework(MARATHON_ID, "marathon").setFrameworkInfo(info)),
                encoding));

        assertThat(((MesosFrameworkEvent) record.value()).getRoles()).containsExactly("legacy");
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void frameworkRemovedCarriesTheInfoButNoMasterState(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);

        OutboundRecord record = single(harness.delta(
                MesosFixtures.frameworkRemoved(MesosFixtures.frameworkInfo(MARATHON_ID, "marathon")), encoding));

        assertThat(record.key()).isEqualTo("eu1/" + MARATHON_ID);
        MesosFrameworkEvent mapped = (MesosFrameworkEvent) record.value();
        assertThat(mapped.getEventType()).isEqualTo(MesosEventType.FRAMEWORK_REMOVED);
        assertThat(mapped.getName()).isEqualTo("marathon");
        assertThat(mapped.getRoles()).containsExactly("prod", "prod/web");
        assertThat(mapped.getActive()).isNull();
        assertThat(mapped.getConnected()).isNull();
        assertThat(mapped.getRecovered()).isNull();
        assertThat(mapped.getRegisteredTime()).isNull();
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void heartbeatAndSubscribedGiveNoDeltaRecords(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);

        assertThat(harness.delta(MesosFixtures.heartbeat(), encoding)).isEmpty();
        assertThat(harness.delta(MesosFixtures.subscribed(
                GetState.newBuilder()), encoding)).isEmpty();
        assertThat(harness.meta.calls()).as("no sequence number taken").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void knownTypeWithoutItsPayloadIsKeptRaw(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);
        byte[] raw = encoding.encode(Event.newBuilder().setType(Event.Type.TASK_ADDED).build());

        OutboundRecord record = single(harness.deltaOf(raw, encoding));

        assertThat(record.topic()).isEqualTo(Topic.MESOS_OTHER_EVENTS);
        assertThat(record.key()).isEqualTo(CLUSTER);
        MesosOtherEvent other = (MesosOtherEvent) record.value();
        assertThat(other.getEventType()).isEqualTo("TASK_ADDED");
        assertThat(other.getContentType()).isEqualTo(encoding.mediaType());
        assertThat(other.getPayload().array()).isEqualTo(raw);
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void taskUpdateWithoutTaskIdIsKeptRaw(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);
        Event event = MesosFixtures.taskUpdated(MesosFixtures.status("", Protos.TaskState.TASK_RUNNING),
                Protos.TaskState.TASK_RUNNING);

        OutboundRecord record = single(harness.delta(event, encoding));

        assertThat(record.topic()).isEqualTo(Topic.MESOS_OTHER_EVENTS);
        assertThat(((MesosOtherEvent) record.value()).getEventType()).isEqualTo("TASK_UPDATED");
    }

    private static TaskStatus expectedStatus(TaskState state) {
        return TaskStatus.newBuilder()
                .setState(state)
                .setMessage("Command started")
                .setSource(TaskStatusSource.SOURCE_EXECUTOR)
                .setReason(null)
                .setTimestamp(Instant.ofEpochMilli(STATUS_MILLIS))
                .setHealthy(null)
                .setAgentId(AGENT_ID)
                .setExecutorId(EXECUTOR_ID)
                .setUuid(STATUS_UUID.toString())
                .setIpAddresses(List.of("10.1.2.3", "fd00::3", "172.17.0.5"))
                .setUnreachableTime(null)
                .setLabels(Map.of("network", "overlay"))
                .build();
    }

    static OutboundRecord single(List<OutboundRecord> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
