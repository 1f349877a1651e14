package io.mesosevents.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.marathon.GenericMarathonEvent;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.StatusUpdateEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class MarathonPayloadTypeTest {

    /** Every event type Marathon 1.x sends on /v2/events, in the order of the payload union. */
    private static final List<String> MARATHON_EVENT_TYPES = List.of(
            "api_post_event", "status_update_event", "framework_message_event", "subscribe_event",
            "unsubscribe_event", "event_stream_attached", "event_stream_detached", "add_health_check_event",
            "remove_health_check_event", "failed_health_check_event", "health_status_changed_event",
            "unhealthy_task_kill_event", "unhealthy_instance_kill_event", "group_change_success",
            "group_change_failed", "deployment_success", "deployment_failed", "deployment_info",
            "deployment_step_success", "deployment_step_failure", "app_terminated_event", "instance_changed_event",
            "instance_health_changed_event", "unknown_instance_terminated_event", "pod_created_event",
            "pod_updated_event", "pod_deleted_event", "scheduler_registered_event", "scheduler_reregistered_event",
            "scheduler_disconnected_event");

    @Test
    void coversEveryMarathonEventType() {
        assertThat(Arrays.stream(MarathonPayloadType.values()).map(MarathonPayloadType::eventType))
                .containsExactlyElementsOf(MARATHON_EVENT_TYPES);
    }

    @Test
    void payloadUnionIsTheTypedRecordsThenTheGenericFallbackThenTheResyncRecords() {
        List<Schema> expected = new ArrayList<>();
        Arrays.stream(MarathonPayloadType.values()).forEach(t -> expected.add(t.payloadSchema()));
        expected.add(GenericMarathonEvent.getClassSchema());
        Arrays.stream(MarathonResyncType.values()).map(t -> SpecificData.get().getSchema(t.payloadClass()))
                .distinct().forEach(expected::add);

        Schema payload = MarathonEvent.getClassSchema().getField("payload").schema();
        assertThat(payload.getTypes()).hasSize(36).containsExactlyElementsOf(expected);
    }

    @Test
    void resyncTypesNeverClashWithMarathonsOwn() {
        for (MarathonResyncType type : MarathonResyncType.values()) {
            assertThat(MarathonPayloadType.forEventType(type.eventType())).as(type.eventType()).isEmpty();
            assertThat(MarathonResyncType.forEventType(type.eventType())).contains(type);
        }
    }

    @Test
    void classAndSchemaDescribeTheSameRecord() {
        for (MarathonPayloadType type : MarathonPayloadType.values()) {
            assertThat(SpecificData.get().getSchema(type.payloadClass())).as(type.eventType())
                    .isEqualTo(type.payloadSchema());
        }
    }

    @Test
    void looksUpByMarathonEventType() {
        assertThat(MarathonPayloadType.forEventType("status_update_event")).contains(MarathonPayloadType.STATUS_UPDATE);
        assertThat(MarathonPayloadType.STATUS_UPDATE.payloadClass()).isEqualTo(StatusUpdateEvent.class);
        assertThat(MarathonPayloadType.forEventType("sidecar_changed_event")).isEmpty();
    }
}
