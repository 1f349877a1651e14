package io.mesosevents.ingestor.mesos;

import io.mesosevents.ingestor.OutboundRecord;
import static io.mesosevents.ingestor.mesos.DeltaMappingTest.single;
import static io.mesosevents.ingestor.mesos.MesosFixtures.MARATHON_ID;
import static io.mesosevents.ingestor.mesos.MesosFixtures.TASK_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.mesosevents.mesos.MesosEncoding;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosOtherEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatusSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.master.Protos.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values a newer master may send: event types, task states, reasons and sources this version
 * does not know. They are kept (as numbers, names or raw bytes), never dropped or guessed.
 */
class UnknownValuesTest {

    private static final String CLUSTER = "eu1";

    @BeforeAll
    static void trustModelClasses() {
        AvroClassTrust.install();
    }

    @Test
    void unknownEventTypeInProtobufIsKeptByteForByteWithItsNumber() {
        Harness harness = new Harness(CLUSTER);
        // Type 42 with a payload in field 12, as a newer master's OPERATION_UPDATED might look.
        byte[] raw = Event.newBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(Event.TYPE_FIELD_NUMBER, varint(42))
                        .addField(12, UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(ByteString.copyFromUtf8("\n\u0003op1")).build())
                        .build())
                .build().toByteArray();

        OutboundRecord record = single(harness.deltaOf(raw, MesosEncoding.PROTOBUF));

        assertThat(record.topic()).isEqualTo(Topic.MESOS_OTHER_EVENTS);
        assertThat(record.key()).isEqualTo(CLUSTER);
        MesosOtherEvent other = (MesosOtherEvent) record.value();
        assertThat(other.getEventType()).isEqualTo("42");
        assertThat(other.getContentType()).isEqualTo("application/x-protobuf");
        assertThat(bytes(other.getPayload())).isEqualTo(raw);
        assertThat(other.getPayloadJson()).isEqualTo("{}");
        assertThat(other.getMeta().getKind()).isEqualTo(EventKind.DELTA);
        assertThat(harness.meta.calls()).containsExactly(new RecordingMeta.Call(EventKind.DELTA, null));
    }

    @Test
    void unknownEventTypeInJsonIsKeptByteForByteWithItsName() {
        Harness harness = new Harness(CLUSTER);
        String json = "{\"type\":\"OPERATION_UPDATED\",\"operation_updated\":{\"framework_id\":{\"value\":\"f1\"},"
                + "\"status\":{\"state\":\"OPERATION_FINISHED\"}}}";
        byte[] raw = json.getBytes(StandardCharsets.UTF_8);

        MesosOtherEvent other = (MesosOtherEvent) single(harness.deltaOf(raw, MesosEncoding.JSON)).value();

        assertThat(other.getEventType()).isEqualTo("OPERATION_UPDATED");
        assertThat(other.getContentType()).isEqualTo("application/json");
        assertThat(bytes(other.getPayload())).isEqualTo(raw);
        assertThat(other.getPayloadJson()).isEqualTo(json);
    }

    @Test
    void unknownEventTypeGivenByNumberInJsonKeepsTheNumber() {
        Harness harness = new Harness(CLUSTER);
        byte[] raw = "{\"type\":42}".getBytes(StandardCharsets.UTF_8);

        MesosOtherEvent other = (MesosOtherEvent) single(harness.deltaOf(raw, MesosEncoding.JSON)).value();

        assertThat(other.getEventType()).isEqualTo("42");
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void explicitUnknownTypeAndMissingTypeAreKeptAsUnknown(MesosEncoding encoding) {
        Harness harness = new Harness(CLUSTER);

        MesosOtherEvent explicit = (MesosOtherEvent) single(
                harness.delta(Event.newBuilder().setType(Event.Type.UNKNOWN).build(), encoding)).value();
        MesosOtherEvent missing = (MesosOtherEvent) single(harness.delta(Event.getDefaultInstance(), encoding)).value();

        assertThat(explicit.getEventType()).isEqualTo("UNKNOWN");
        assertThat(missing.getEventType()).isEqualTo("UNKNOWN");
        assertThat(explicit.getMeta().getSequence()).isZero();
        assertThat(missing.getMeta().getSequence()).isEqualTo(1);
    }

    @Test
    void unknownTaskStateNumbersMapToTaskUnknownNeverToStaging() {
        Harness harness = new Harness(CLUSTER);
        Protos.TaskStatus status = MesosFixtures.status(TASK_ID, Protos.TaskState.TASK_RUNNING)
                .clearState()
                .setUnknownFields(unknown(Protos.TaskStatus.STATE_FIELD_NUMBER, 77))
                .buildPartial();
        byte[] raw = Event.newBuilder().setType(Event.Type.TASK_UPDATED)
                .setTaskUpdated(Event.TaskUpdated.newBuilder()
                        .setFrameworkId(FrameworkID.newBuilder().setValue(MARATHON_ID))
                        .setStatus(status)
                        .setUnknownFields(unknown(Event.TaskUpdated.STATE_FIELD_NUMBER, 99))
                        .buildPartial())
                .buildPartial().toByteArray();
        Event decoded = Harness.decode(raw, MesosEncoding.PROTOBUF);
        assertThat(decoded.getTaskUpdated().getState())
                .as("the trap: proto2 getters answer the first symbol for an unknown number")
                .isEqualTo(Protos.TaskState.TASK_STAGING);

        MesosTaskEvent task = (MesosTaskEvent) single(harness.deltaOf(raw, MesosEncoding.PROTOBUF)).value();

        assertThat(task.getEventType()).isEqualTo(MesosEventType.TASK_UPDATED);
        assertThat(task.getState()).isEqualTo(TaskState.TASK_UNKNOWN);
        assertThat(task.getStatus().getState()).isEqualTo(TaskState.TASK_UNKNOWN);
    }

    @Test
    void unknownStateOfAnAddedTaskMapsToTaskUnknown() {
        Harness harness = new Harness(CLUSTER);
        Protos.Task task = MesosFixtures.task(TASK_ID, Protos.TaskState.TASK_RUNNING)
                .clearState()
                .clearStatusUpdateState()
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(Protos.Task.STATE_FIELD_NUMBER, varint(20))
                        .addField(Protos.Task.STATUS_UPDATE_STATE_FIELD_NUMBER, varint(21))
                        .build())
                .buildPartial();
        byte[] raw = Event.newBuilder().setType(Event.Type.TASK_ADDED)
                .setTaskAdded(Event.TaskAdded.newBuilder().setTask(task).buildPartial()).buildPartial().toByteArray();

        MesosTaskEvent mapped = (MesosTaskEvent) single(harness.deltaOf(raw, MesosEncoding.PROTOBUF)).value();

        assertThat(mapped.getState()).isEqualTo(TaskState.TASK_UNKNOWN);
        assertThat(mapped.getStatusUpdateState()).isEqualTo(TaskState.TASK_UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(Protos.TaskState.class)
    void everyMesosTaskStateMapsToTheAvroStateOfTheSameName(Protos.TaskState state) {
        for (MesosEncoding encoding : MesosEncoding.values()) {
            Harness harness = new Harness(CLUSTER);

            MesosTaskEvent task = (MesosTaskEvent) single(harness.delta(
                    MesosFixtures.taskUpdated(MesosFixtures.status(TASK_ID, state), state), encoding)).value();

            assertThat(task.getState().name()).isEqualTo(state.name());
            assertThat(task.getStatus().getState().name()).isEqualTo(state.name());
        }
    }

    @ParameterizedTest
    @EnumSource(Protos.TaskStatus.Source.class)
    void everyStatusSourceMapsToTheSourceOfTheSameName(Protos.TaskStatus.Source source) {
        Harness harness = new Harness(CLUSTER);

        MesosTaskEvent task = (MesosTaskEvent) single(harness.delta(MesosFixtures.taskUpdated(
                MesosFixtures.status(TASK_ID, Protos.TaskState.TASK_RUNNING).setSource(source),
                Protos.TaskState.TASK_RUNNING), MesosEncoding.PROTOBUF)).value();

        assertThat(task.getStatus().getSource().name()).isEqualTo(source.name());
    }

    @Test
    void unknownReasonKeepsItsNumberAndUnknownSourceIsSourceUnknown() {
        Harness harness = new Harness(CLUSTER);
        Protos.TaskStatus status = MesosFixtures.status(TASK_ID, Protos.TaskState.TASK_FAILED)
                .clearSource()
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(Protos.TaskStatus.REASON_FIELD_NUMBER, varint(123))
                        .addField(Protos.TaskStatus.SOURCE_FIELD_NUMBER, varint(7))
                        .build())
                .build();
        byte[] raw = MesosFixtures.taskUpdated(status.toBuilder(), Protos.TaskState.TASK_FAILED).toByteArray();

        MesosTaskEvent task = (MesosTaskEvent) single(harness.deltaOf(raw, MesosEncoding.PROTOBUF)).value();

        assertThat(task.getStatus().getReason()).isEqualTo("123");
        assertThat(task.getStatus().getSource()).isEqualTo(TaskStatusSource.SOURCE_UNKNOWN);
    }

    @Test
    void absentSourceAndReasonStayNull() {
        Harness harness = new Harness(CLUSTER);

        MesosTaskEvent task = (MesosTaskEvent) single(harness.delta(MesosFixtures.taskUpdated(
                MesosFixtures.status(TASK_ID, Protos.TaskState.TASK_RUNNING).clearSource(),
                Protos.TaskState.TASK_RUNNING), MesosEncoding.PROTOBUF)).value();

        assertThat(task.getStatus().getSource()).isNull();
        assertThat(task.getStatus().getReason()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 99})
    void agentCapabilitiesAreNamedOrNumbered(int number) {
        Harness harness = new Harness(CLUSTER);
        byte[] raw = MesosFixtures.agentAdded(MesosFixtures.agent(MesosFixtures.AGENT_ID, "node-1")
                        .clearCapabilities()
                        .addCapabilities(AgentInfo.Capability.newBuilder()
                                .setUnknownFields(unknown(AgentInfo.Capability.TYPE_FIELD_NUMBER, number))))
                .toByteArray();

        MesosAgentEvent agent = (MesosAgentEvent) single(harness.deltaOf(raw, MesosEncoding.PROTOBUF)).value();

        assertThat(agent.getCapabilities()).containsExactly(number == 2 ? "HIERARCHICAL_ROLE" : "99");
    }

    private static UnknownFieldSet unknown(int fieldNumber, long value) {
        return UnknownFieldSet.newBuilder().addField(fieldNumber, varint(value)).build();
    }

    private static UnknownFieldSet.Field varint(long value) {
        return UnknownFieldSet.Field.newBuilder().addVarint(value).build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
