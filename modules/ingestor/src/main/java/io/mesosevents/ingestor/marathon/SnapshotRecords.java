package io.mesosevents.ingestor.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.model.marathon.AppSnapshot;
import io.mesosevents.model.marathon.DeploymentAction;
import io.mesosevents.model.marathon.DeploymentPlan;
import io.mesosevents.model.marathon.DeploymentSnapshot;
import io.mesosevents.model.marathon.HealthCheckSummary;
import io.mesosevents.model.marathon.MarathonTask;
import io.mesosevents.model.marathon.PodSnapshot;
import io.mesosevents.model.marathon.TaskFailure;

import java.util.ArrayList;
import java.util.List;

/**
 * The payloads of a resync, read from Marathon's REST answers: an app of {@code /v2/apps} with its
 * embeds, a pod of {@code /v2/pods}, a deployment of {@code /v2/deployments}. Each keeps the exact
 * JSON beside the typed fields, so nothing the REST API said is lost.
 */
final class SnapshotRecords {

    private SnapshotRecords() {
    }

    static AppSnapshot app(JsonNode app) {
        List<MarathonTask> tasks = new ArrayList<>();
        for (JsonNode task : app.path("tasks")) {
            MarathonTask typed = JsonRecords.read(task, MarathonTask.class);
            tasks.add(MarathonTask.newBuilder(typed).setHealthy(healthy(task.path("healthCheckResults"))).build());
        }
        List<String> deployments = new ArrayList<>();
        app.path("deployments").forEach(deployment -> deployments.add(deployment.path("id").asText()));
        List<HealthCheckSummary> healthChecks = new ArrayList<>();
        app.path("healthChecks").forEach(check -> healthChecks.add(HealthChecks.summary(check)));
        JsonNode failure = app.path("lastTaskFailure");
        return AppSnapshot.newBuilder()
                .setAppId(requiredText(app, "id", "app"))
                .setVersion(optionalText(app, "version"))
                .setInstances(app.path("instances").canConvertToInt() ? app.path("instances").intValue() : null)
                .setTasksStaged(count(app, "tasksStaged"))
                .setTasksRunning(count(app, "tasksRunning"))
                .setTasksHealthy(count(app, "tasksHealthy"))
                .setTasksUnhealthy(count(app, "tasksUnhealthy"))
                .setTasks(tasks)
                .setDeploymentIds(deployments)
                .setLastTaskFailure(failure.isObject() ? JsonRecords.read(failure, TaskFailure.class) : null)
                .setHealthChecks(healthChecks)
                .setAppJson(app.toString())
                .build();
    }

    static PodSnapshot pod(JsonNode pod) {
        JsonNode instances = pod.path("scaling").path("instances");
        return PodSnapshot.newBuilder()
                .setPodId(requiredText(pod, "id", "pod"))
                .setVersion(optionalText(pod, "version"))
                .setInstances(instances.canConvertToInt() ? instances.intValue() : null)
                .setPodJson(pod.toString())
                .build();
    }

    static DeploymentSnapshot deployment(JsonNode deployment) {
        requiredText(deployment, "id", "deployment");
        List<DeploymentAction> current = new ArrayList<>();
        deployment.path("currentActions").forEach(action -> current.add(JsonRecords.read(action, DeploymentAction.class)));
        return DeploymentSnapshot.newBuilder()
                .setPlan(DeploymentPlans.withAffected(JsonRecords.read(deployment, DeploymentPlan.class)))
                .setCurrentStep(count(deployment, "currentStep"))
                .setTotalSteps(count(deployment, "totalSteps"))
                .setCurrentActions(current)
                .setDeploymentJson(deployment.toString())
                .build();
    }

    /** Healthy when every check says alive; unknown without results, as Marathon counts it. */
    private static Boolean healthy(JsonNode results) {
        if (!results.isArray() || results.isEmpty()) {
            return null;
        }
        for (JsonNode result : results) {
            if (!result.path("alive").asBoolean(false)) {
                return false;
            }
        }
        return true;
    }

    private static Integer count(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.canConvertToInt() ? value.intValue() : null;
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isValueNode() && !value.isNull() && !value.isMissingNode() ? value.asText() : null;
    }

    private static String requiredText(JsonNode json, String field, String what) {
        String value = optionalText(json, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("A " + what + " without an " + field + ": " + excerpt(json));
        }
        return value;
    }

    private static String excerpt(JsonNode json) {
        String text = json.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
