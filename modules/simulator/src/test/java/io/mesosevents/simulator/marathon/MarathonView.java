package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a client knows of a Marathon from a snapshot ({@code /v2/apps?embed=apps.tasks},
 * {@code /v2/deployments}, {@code /v2/pods}) and the events after it, as an ingestor would keep it:
 * app versions and counts, tasks with their state, place and health, deployments and their steps,
 * pod versions.
 */
final class MarathonView {

    record App(String version, int instances) {
    }

    record Task(String appId, String state, String host, String ports, String version, Boolean alive) {
    }

    record DeploymentProgress(int currentStep, int totalSteps) {
    }

    final Map<String, App> apps = new TreeMap<>();
    final Map<String, Task> tasks = new TreeMap<>();
    final Map<String, DeploymentProgress> deployments = new TreeMap<>();
    final Map<String, String> pods = new TreeMap<>();

    /** The view of a snapshot; {@code apps} answered with tasks embedded. */
    static MarathonView of(JsonNode apps, JsonNode deployments, JsonNode pods) {
        MarathonView view = new MarathonView();
        for (JsonNode app : apps.get("apps")) {
            view.apps.put(app.get("id").asText(), new App(app.get("version").asText(), app.get("instances").asInt()));
            for (JsonNode task : app.get("tasks")) {
                JsonNode health = task.path("healthCheckResults").path(0).path("alive");
                view.tasks.put(task.get("id").asText(), new Task(task.get("appId").asText(), task.get("state").asText(),
                        task.get("host").asText(), task.get("ports").toString(), task.get("version").asText(),
                        health.isBoolean() ? health.asBoolean() : null));
            }
        }
        for (JsonNode deployment : deployments) {
            view.deployments.put(deployment.get("id").asText(), new DeploymentProgress(
                    deployment.get("currentStep").asInt(), deployment.get("totalSteps").asInt()));
        }
        pods.forEach(pod -> view.pods.put(pod.get("id").asText(), pod.get("version").asText()));
        return view;
    }

    /** Applies one event of {@code /v2/events}. */
    void apply(JsonNode event) {
        switch (event.get("eventType").asText()) {
            case "api_post_event" -> {
                JsonNode app = event.get("appDefinition");
                apps.put(app.get("id").asText(), new App(app.get("version").asText(), app.get("instances").asInt()));
            }
            case "deployment_info" -> deploymentInfo(event.get("plan"), event.get("currentStep"));
            case "deployment_success", "deployment_failed" -> deployments.remove(event.get("id").asText());
            case "app_terminated_event" -> apps.remove(event.get("appId").asText());
            case "status_update_event" -> statusUpdate(event);
            case "health_status_changed_event" -> {
                Task task = tasks.get(event.get("taskId").asText());
                if (task != null) {
                    tasks.put(event.get("taskId").asText(), new Task(task.appId(), task.state(), task.host(), task.ports(),
                            task.version(), event.get("alive").asBoolean()));
                }
            }
            default -> {
            }
        }
    }

    /** Tasks of the apps the view lists: those of apps being removed are no longer in {@code /v2/apps}. */
    Map<String, Task> listedTasks() {
        Map<String, Task> listed = new TreeMap<>();
        tasks.forEach((id, task) -> {
            if (apps.containsKey(task.appId())) {
                listed.put(id, task);
            }
        });
        return listed;
    }

    private void statusUpdate(JsonNode event) {
        String taskId = event.get("taskId").asText();
        String state = event.get("taskStatus").asText();
        if (Set.of("TASK_KILLED", "TASK_FINISHED", "TASK_FAILED", "TASK_ERROR", "TASK_DROPPED", "TASK_LOST", "TASK_GONE",
                "TASK_GONE_BY_OPERATOR", "TASK_UNKNOWN").contains(state)) {
            tasks.remove(taskId);
            return;
        }
        Task before = tasks.get(taskId);
        tasks.put(taskId, new Task(event.get("appId").asText(), state, event.get("host").asText(),
                event.get("ports").toString(), event.get("version").asText(), before == null ? null : before.alive()));
    }

    /** The plan's target says what its apps and pods now are (absent: removed); the step says where it is. */
    private void deploymentInfo(JsonNode plan, JsonNode currentStep) {
        Map<String, JsonNode> targetApps = new HashMap<>();
        Map<String, JsonNode> targetPods = new HashMap<>();
        collect(plan.get("target"), targetApps, targetPods);
        Set<String> affectedApps = new LinkedHashSet<>();
        Set<String> affectedPods = new LinkedHashSet<>();
        int index = 0;
        int current = 0;
        for (JsonNode step : plan.get("steps")) {
            index++;
            if (step.equals(currentStep)) {
                current = index;
            }
            for (JsonNode action : step.get("actions")) {
                if (action.has("app")) {
                    affectedApps.add(action.get("app").asText());
                } else {
                    affectedPods.add(action.get("pod").asText());
                }
            }
        }
        for (String id : affectedApps) {
            JsonNode app = targetApps.get(id);
            if (app == null) {
                apps.remove(id);
            } else {
                apps.put(id, new App(app.get("version").asText(), app.get("instances").asInt()));
            }
        }
        for (String id : affectedPods) {
            JsonNode pod = targetPods.get(id);
            if (pod == null) {
                pods.remove(id);
            } else {
                pods.put(id, pod.get("version").asText());
            }
        }
        deployments.put(plan.get("id").asText(), new DeploymentProgress(current, index));
    }

    private static void collect(JsonNode group, Map<String, JsonNode> apps, Map<String, JsonNode> pods) {
        group.get("apps").forEach(app -> apps.put(app.get("id").asText(), app));
        group.get("pods").forEach(pod -> pods.put(pod.get("id").asText(), pod));
        group.get("groups").forEach(child -> collect(child, apps, pods));
    }
}
