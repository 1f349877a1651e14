package io.mesosevents.model;

import io.mesosevents.model.marathon.AddHealthCheckEvent;
import io.mesosevents.model.marathon.ApiPostEvent;
import io.mesosevents.model.marathon.AppTerminatedEvent;
import io.mesosevents.model.marathon.DeploymentFailed;
import io.mesosevents.model.marathon.DeploymentInfo;
import io.mesosevents.model.marathon.DeploymentStepFailure;
import io.mesosevents.model.marathon.DeploymentStepSuccess;
import io.mesosevents.model.marathon.DeploymentSuccess;
import io.mesosevents.model.marathon.EventStreamAttached;
import io.mesosevents.model.marathon.EventStreamDetached;
import io.mesosevents.model.marathon.FailedHealthCheckEvent;
import io.mesosevents.model.marathon.FrameworkMessageEvent;
import io.mesosevents.model.marathon.GroupChangeFailed;
import io.mesosevents.model.marathon.GroupChangeSuccess;
import io.mesosevents.model.marathon.HealthStatusChangedEvent;
import io.mesosevents.model.marathon.InstanceChangedEvent;
import io.mesosevents.model.marathon.InstanceHealthChangedEvent;
import io.mesosevents.model.marathon.PodCreatedEvent;
import io.mesosevents.model.marathon.PodDeletedEvent;
import io.mesosevents.model.marathon.PodUpdatedEvent;
import io.mesosevents.model.marathon.RemoveHealthCheckEvent;
import io.mesosevents.model.marathon.SchedulerDisconnectedEvent;
import io.mesosevents.model.marathon.SchedulerRegisteredEvent;
import io.mesosevents.model.marathon.SchedulerReregisteredEvent;
import io.mesosevents.model.marathon.StatusUpdateEvent;
import io.mesosevents.model.marathon.SubscribeEvent;
import io.mesosevents.model.marathon.UnhealthyInstanceKillEvent;
import io.mesosevents.model.marathon.UnhealthyTaskKillEvent;
import io.mesosevents.model.marathon.UnknownInstanceTerminatedEvent;
import io.mesosevents.model.marathon.UnsubscribeEvent;
import java.util.Arrays;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The Marathon event types with a typed payload in {@code MarathonEvent.payload}, keyed by the
 * {@code eventType} string Marathon sends. A type not listed here is written as
 * {@code GenericMarathonEvent}. Declaration order is the order of the payload union.
 */
public enum MarathonPayloadType {
    API_POST("api_post_event", ApiPostEvent.class, ApiPostEvent.getClassSchema()),
    STATUS_UPDATE("status_update_event", StatusUpdateEvent.class, StatusUpdateEvent.getClassSchema()),
    FRAMEWORK_MESSAGE("framework_message_event", FrameworkMessageEvent.class,
            FrameworkMessageEvent.getClassSchema()),
    SUBSCRIBE("subscribe_event", SubscribeEvent.class, SubscribeEvent.getClassSchema()),
    UNSUBSCRIBE("unsubscribe_event", UnsubscribeEvent.class, UnsubscribeEvent.getClassSchema()),
    EVENT_STREAM_ATTACHED("event_stream_attached", EventStreamAttached.class,
            EventStreamAttached.getClassSchema()),
    EVENT_STREAM_DETACHED("event_stream_detached", EventStreamDetached.class,
            EventStreamDetached.getClassSchema()),
    ADD_HEALTH_CHECK("add_health_check_event", AddHealthCheckEvent.class, AddHealthCheckEvent.getClassSchema()),
    REMOVE_HEALTH_CHECK("remove_health_check_event", RemoveHealthCheckEvent.class,
            RemoveHealthCheckEvent.getClassSchema()),
    FAILED_HEALTH_CHECK("failed_health_check_event", FailedHealthCheckEvent.class,
            FailedHealthCheckEvent.getClassSchema()),
    HEALTH_STATUS_CHANGED("health_status_changed_event", HealthStatusChangedEvent.class,
            HealthStatusChangedEvent.getClassSchema()),
    UNHEALTHY_TASK_KILL("unhealthy_task_kill_event", UnhealthyTaskKillEvent.class,
            UnhealthyTaskKillEvent.getClassSchema()),
    UNHEALTHY_INSTANCE_KILL("unhealthy_instance_kill_event", UnhealthyInstanceKillEvent.class,
            UnhealthyInstanceKillEvent.getClassSchema()),
    GROUP_CHANGE_SUCCESS("group_change_success", GroupChangeSuccess.class, GroupChangeSuccess.getClassSchema()),
    GROUP_CHANGE_FAILED("group_change_failed", GroupChangeFailed.class, GroupChangeFailed.getClassSchema()),
    DEPLOYMENT_SUCCESS("deployment_success", DeploymentSuccess.class, DeploymentSuccess.getClassSchema()),
    DEPLOYMENT_FAILED("deployment_failed", DeploymentFailed.class, DeploymentFailed.getClassSchema()),
    DEPLOYMENT_INFO("deployment_info", DeploymentInfo.class, DeploymentInfo.getClassSchema()),
    DEPLOYMENT_STEP_SUCCESS("deployment_step_success", DeploymentStepSuccess.class,
            DeploymentStepSuccess.getClassSchema()),
    DEPLOYMENT_STEP_FAILURE("deployment_step_failure", DeploymentStepFailure.class,
            DeploymentStepFailure.getClassSchema()),
    APP_TERMINATED("app_terminated_event", AppTerminatedEvent.class, AppTerminatedEvent.getClassSchema()),
    INSTANCE_CHANGED("instance_changed_event", InstanceChangedEvent.class, InstanceChangedEvent.getClassSchema()),
    INSTANCE_HEALTH_CHANGED("instance_health_changed_event", InstanceHealthChangedEvent.class,
            InstanceHealthChangedEvent.getClassSchema()),
    UNKNOWN_INSTANCE_TERMINATED("unknown_instance_terminated_event", UnknownInstanceTerminatedEvent.class,
            UnknownInstanceTerminatedEvent.getClassSchema()),
    POD_CREATED("pod_created_event", PodCreatedEvent.class, PodCreatedEvent.getClassSchema()),
    POD_UPDATED("pod_updated_event", PodUpdatedEvent.class, PodUpdatedEvent.getClassSchema()),
    POD_DELETED("pod_deleted_event", PodDeletedEvent.class, PodDeletedEvent.getClassSchema()),
    SCHEDULER_REGISTERED("scheduler_registered_event", SchedulerRegisteredEvent.class,
            SchedulerRegisteredEvent.getClassSchema()),
    SCHEDULER_REREGISTERED("scheduler_reregistered_event", SchedulerReregisteredEvent.class,
            SchedulerReregisteredEvent.getClassSchema()),
    SCHEDULER_DISCONNECTED("scheduler_disconnected_event", SchedulerDisconnectedEvent.class,
            SchedulerDisconnectedEvent.getClassSchema());

    private final String eventType;
    private final Class<? extends SpecificRecordBase> payloadClass;
    private final Schema payloadSchema;

    MarathonPayloadType(String eventType, Class<? extends SpecificRecordBase> payloadClass, Schema payloadSchema) {
        this.eventType = eventType;
        this.payloadClass = payloadClass;
        this.payloadSchema = payloadSchema;
    }

    /** Marathon's {@code eventType} string, e.g. {@code "status_update_event"}. */
    public String eventType() {
        return eventType;
    }

    /** The generated class of the payload record. */
    public Class<? extends SpecificRecordBase> payloadClass() {
        return payloadClass;
    }

    /** The Avro schema of the payload record (a branch of {@code MarathonEvent.payload}). */
    public Schema payloadSchema() {
        return payloadSchema;
    }

    /** The typed payload for Marathon's {@code eventType}; empty means: write a GenericMarathonEvent. */
    public static Optional<MarathonPayloadType> forEventType(String eventType) {
        return Arrays.stream(values()).filter(t -> t.eventType.equals(eventType)).findFirst();
    }
}
