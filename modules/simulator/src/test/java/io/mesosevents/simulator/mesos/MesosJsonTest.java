package io.mesosevents.simulator.mesos;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.mesosevents.mesos.MesosEncoding;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MesosJsonTest {

    @Test
    void integersOf64BitsAreNumbersNotStrings() {
        String json = json(TimeInfo.newBuilder().setNanoseconds(1_735_689_600_123_456_789L).build());

        assertThat(json).isEqualTo("{\"nanoseconds\":1735689600123456789}");
    }

    @Test
    void unsignedIntegersAreWrittenUnsigned() {
        String range = json(Value.Range.newBuilder().setBegin(-1L).setEnd(31_000).build());
        String master = json(MasterInfo.newBuilder().setId("m").setIp(0x8100007F).setPort(5050).build());

        assertThat(range).isEqualTo("{\"begin\":18446744073709551615,\"end\":31000}");
        assertThat(master).isEqualTo("{\"id\":\"m\",\"ip\":2164260991,\"port\":5050}");
    }

    @Test
    void enumsAreNamesBytesAreBase64IdsAreObjects() {
        String json = json(TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue("web.1"))
                .setState(TaskState.TASK_RUNNING).setUuid(ByteString.copyFrom(new byte[]{1, 2, 3, (byte) 0xFF}))
                .setHealthy(false).setTimestamp(1.5).build());

        assertThat(json).isEqualTo("{\"task_id\":{\"value\":\"web.1\"},\"state\":\"TASK_RUNNING\",\"timestamp\":1.5,"
                + "\"uuid\":\"AQID/w==\",\"healthy\":false}");
    }

    @Test
    void stringsAreEscapedAndUtf8() {
        String text = "quote \" backslash \\ newline \n tab \t bell \u0007 é 漢 😀";
        String json = json(Label.newBuilder().setKey("k").setValue(text).build());

        assertThat(json).isEqualTo("{\"key\":\"k\",\"value\":\"quote \\\" backslash \\\\ newline \\u000a tab \\u0009 bell "
                + "\\u0007 é 漢 😀\"}");
    }

    @Test
    void nonFiniteNumbersAreStringsAsInProtobufJson() {
        assertThat(json(Value.Scalar.newBuilder().setValue(Double.NaN).build())).isEqualTo("{\"value\":\"NaN\"}");
    }

    @Test
    void whatItWritesParsesBackToTheSameMessage() throws Exception {
        GetState state = new ClusterSimulation(MesosSimulatorConfig.defaults()).state();
        Task labelled = state.getGetTasks().getTasks(0).toBuilder()
                .setLabels(Labels.newBuilder().addLabels(Label.newBuilder().setKey("owner").setValue("ünïcode"))).build();

        for (com.google.protobuf.Message message : new com.google.protobuf.Message[]{state, labelled}) {
            byte[] bytes = MessageEncoder.encode(message, MesosEncoding.JSON);
            com.google.protobuf.Message.Builder parsed = message.newBuilderForType();
            JsonFormat.parser().merge(new String(bytes, StandardCharsets.UTF_8), parsed);
            assertThat(parsed.build()).isEqualTo(message);
            assertThat(MessageEncoder.size(message, MesosEncoding.JSON)).isEqualTo(bytes.length);
        }
    }

    private static String json(com.google.protobuf.Message message) {
        return new String(MessageEncoder.encode(message, MesosEncoding.JSON), StandardCharsets.UTF_8);
    }
}
