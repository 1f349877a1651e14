package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * Marathon's event bus messages, with the fields Marathon 1.x fills, each stamped with the
 * simulated time it is made at. {@code eventType} and {@code timestamp} come last, as Marathon
 * writes them.
 */
final class MarathonEvents {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final SimClock clock;

    MarathonEvents(SimClock clock) {
        this.clock = clock;
    }

    BusEvent apiPost(String clientIp, String uri, AppDefinition app) {
        ObjectNode json = F.objectNode().put("clientIp", clientIp).put("uri", uri);
        json.set("appDefinition", AppJson.definition(app));
        return event("api_post_event", json);
    }

    BusEvent statusUpdate(InstanceEntry instance, String message) {
        ObjectNode json = F.objectNode().put("slaveId", instance.agentId).put("taskId", instance.taskId)
                .put("taskStatus", instance.state).put("message", message).put("appId", instance.appId)
                .put("host", instance.host);
        json.set("ipAddresses", AppJson.ipAddresses(instance.host));
        json.set("ports", AppJson.ports(instance));
        json.put("version", instance.version());
        return event("status_update_event", json);
    }

    BusEvent instanceChanged(InstanceEntry instance, String condition) {
        return event("instance_changed_event", F.objectNode().put("instanceId", instance.instanceId)
                .put("condition", condition).put("runSpecId", instance.appId).put("agentId", instance.agentId)
                .put("host", instance.host).put("runSpecVersion", instance.version()));
    }

    BusEvent instanceHealthChanged(InstanceEntry instance, boolean healthy) {
        return event("instance_health_changed_event", F.objectNode().put("instanceId", instance.instanceId)
                .put("runSpecId", instance.appId).put("runSpecVersion", instance.version()).put("healthy", healthy));
    }

    /** Carries the task id (Marathon before 1.4) and the instance id (1.4 and later) alike. */
    BusEvent healthStatusChanged(InstanceEntry instance, boolean alive) {
        return event("health_status_changed_event", F.objectNode().put("appId", instance.appId)
                .put("taskId", instance.taskId).put("instanceId", instance.instanceId).put("version", instance.version())
                .put("alive", alive));
    }

    BusEvent failedHealthCheck(InstanceEntry instance, HealthCheckDefinition check) {
        ObjectNode json = F.objectNode().put("appId", instance.appId).put("taskId", instance.taskId)
                .put("instanceId", instance.instanceId);
        json.set("healthCheck", check.toJson());
        return event("failed_health_check_event", json);
    }

    BusEvent unhealthyInstanceKill(InstanceEntry instance, String reason) {
        return event("unhealthy_instance_kill_event", unhealthyKill(instance, reason).put("instanceId", instance.instanceId));
    }

    /** What Marathon before 1.4 sent for the same kill, without the instance id. */
    BusEvent unhealthyTaskKill(InstanceEntry instance, String reason) {
        return event("unhealthy_task_kill_event", unhealthyKill(instance, reason));
    }

    private static ObjectNode unhealthyKill(InstanceEntry instance, String reason) {
        return F.objectNode().put("appId", instance.appId).put("taskId", instance.taskId).put("version", instance.version())
                .put("reason", reason).put("host", instance.host).put("slaveId", instance.agentId);
    }

    BusEvent addHealthCheck(AppDefinition app, HealthCheckDefinition check) {
        ObjectNode json = F.objectNode().put("appId", app.id()).put("version", Timestamps.format(app.version()));
        json.set("healthCheck", check.toJson());
        return event("add_health_check_event", json);
    }

    BusEvent removeHealthCheck(AppDefinition app, HealthCheckDefinition check) {
        ObjectNode json = F.objectNode().put("appId", app.id()).put("version", Timestamps.format(app.version()));
        json.set("healthCheck", check.toJson());
        return event("remove_health_check_event", json);
    }

    BusEvent groupChangeSuccess(String groupId, String version) {
        return event("group_change_success", F.objectNode().put("groupId", groupId).put("version", version));
    }

    BusEvent groupChangeFailed(String groupId, String version, String reason) {
        return event("group_change_failed", F.objectNode().put("groupId", groupId).put("version", version)
                .put("reason", reason));
    }

    BusEvent deploymentInfo(Deployment deployment) {
        return deploymentStep("deployment_info", deployment);
    }

    BusEvent deploymentStepSuccess(Deployment deployment) {
        return deploymentStep("deployment_step_success", deployment);
    }

    BusEvent deploymentStepFailure(Deployment deployment) {
        return deploymentStep("deployment_step_failure", deployment);
    }

    private BusEvent deploymentStep(String type, Deployment deployment) {
        ObjectNode json = F.objectNode();
        json.set("plan", deployment.planJson());
        json.set("currentStep", deployment.current().toJson());
        return event(type, json);
    }

    BusEvent deploymentSuccess(Deployment deployment) {
        ObjectNode json = F.objectNode().put("id", deployment.id);
        json.set("plan", deployment.planJson());
        return event("deployment_success", json);
    }

    BusEvent deploymentFailed(Deployment deployment, String reason) {
        ObjectNode json = F.objectNode().put("id", deployment.id);
        json.set("plan", deployment.planJson());
        json.put("reason", reason);
        return event("deployment_failed", json);
    }

    BusEvent appTerminated(String runSpecId) {
        return event("app_terminated_event", F.objectNode().put("appId", runSpecId));
    }

    BusEvent unknownInstanceTerminated(String instanceId, String runSpecId, String condition) {
        return event("unknown_instance_terminated_event", F.objectNode().put("instanceId", instanceId)
                .put("runSpecId", runSpecId).put("condition", condition));
    }

    /** {@code pod_created_event}, {@code pod_updated_event} or {@code pod_deleted_event}: they carry only the request. */
    BusEvent pod(String type, String clientIp, String uri) {
        return event(type, F.objectNode().put("clientIp", clientIp).put("uri", uri));
    }

    BusEvent schedulerRegistered(String frameworkId, String master) {
        return event("scheduler_registered_event", F.objectNode().put("frameworkId", frameworkId).put("master", master));
    }

    BusEvent schedulerReregistered(String master) {
        return event("scheduler_reregistered_event", F.objectNode().put("master", master));
    }

    BusEvent schedulerDisconnected() {
        return event("scheduler_disconnected_event", F.objectNode());
    }

    /** The message is raw bytes, which Marathon writes as an array of numbers. */
    BusEvent frameworkMessage(String executorId, String agentId, String message) {
        ArrayNode bytes = F.arrayNode();
        for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b);
        }
        ObjectNode json = F.objectNode().put("executorId", executorId).put("slaveId", agentId);
        json.set("message", bytes);
        return event("framework_message_event", json);
    }

    BusEvent subscribe(String clientIp, String callbackUrl) {
        return event("subscribe_event", F.objectNode().put("clientIp", clientIp).put("callbackUrl", callbackUrl));
    }

    BusEvent unsubscribe(String clientIp, String callbackUrl) {
        return event("unsubscribe_event", F.objectNode().put("clientIp", clientIp).put("callbackUrl", callbackUrl));
    }

    BusEvent streamAttached(String remoteAddress) {
        return event("event_stream_attached", F.objectNode().put("remoteAddress", remoteAddress));
    }

    BusEvent streamDetached(String remoteAddress) {
        return event("event_stream_detached", F.objectNode().put("remoteAddress", remoteAddress));
    }

    private BusEvent event(String type, ObjectNode json) {
        json.put("eventType", type);
        json.put("timestamp", Timestamps.format(clock.now()));
        return new BusEvent(type, json.toString());
    }
}
