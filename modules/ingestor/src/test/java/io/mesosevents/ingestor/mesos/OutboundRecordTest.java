package io.mesosevents.ingestor.mesos;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.ingestor.OutboundRecord;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.mesos.MesosOtherEvent;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutboundRecordTest {

    @BeforeAll
    static void trustModelClasses() {
        AvroClassTrust.install();
    }

    @Test
    void valueOfAnotherTopicIsRejected() {
        MesosOtherEvent other = MesosOtherEvent.newBuilder()
                .setMeta(new RecordingMeta("eu1").next(io.mesosevents.model.common.EventKind.DELTA, null))
                .setEventType("X").setContentType("application/json").setPayload(ByteBuffer.allocate(0)).build();

        assertThatThrownBy(() -> new OutboundRecord(Topic.MESOS_TASK_EVENTS, "eu1/t", other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mesos.task-events");
    }
}
