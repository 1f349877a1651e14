package io.mesosevents.simulator.marathon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Everything the simulated Marathon knows, in one place; mutable, owned by the model. */
final class MarathonState {

    /** By app id, sorted as {@code /v2/apps} lists them; removed apps stay until their last instance is gone. */
    final SortedMap<String, AppEntry> apps = new TreeMap<>();
    /** Every known instance by its task id, the key of Mesos's status updates. */
    final Map<String, InstanceEntry> instancesByTask = new HashMap<>();
    /** Running deployments, oldest first. */
    final Map<String, Deployment> deployments = new LinkedHashMap<>();
    final SortedMap<String, PodDefinition> pods = new TreeMap<>();
    /** The version of each group that was ever changed, the root ("/") included. */
    final SortedMap<String, Instant> groupVersions = new TreeMap<>();
    /** Remote addresses of simulated clients of {@code /v2/events} (others than real connections). */
    final List<String> simulatedStreams = new ArrayList<>();
    /** Callback URLs subscribed by simulated clients, with the client's address. */
    final Map<String, String> simulatedCallbacks = new LinkedHashMap<>();
    boolean schedulerConnected = true;
    int nextServicePort = 10_000;

    /** The apps {@code /v2/apps} lists: every one not being removed. */
    List<AppEntry> listedApps() {
        return apps.values().stream().filter(app -> !app.removed).toList();
    }

    void addInstance(AppEntry app, InstanceEntry instance) {
        app.instances.put(instance.instanceId, instance);
        instancesByTask.put(instance.taskId, instance);
    }

    void removeInstance(AppEntry app, InstanceEntry instance) {
        app.instances.remove(instance.instanceId);
        instancesByTask.remove(instance.taskId);
    }

    /** Marks a change to {@code groupId} and every group above it, as Marathon versions its group tree. */
    void touchGroup(String groupId, Instant version) {
        touchGroup(groupVersions, groupId, version);
    }

    static void touchGroup(SortedMap<String, Instant> versions, String groupId, Instant version) {
        String group = groupId;
        while (true) {
            versions.put(group, version);
            if (group.equals("/")) {
                return;
            }
            int slash = group.lastIndexOf('/');
            group = slash == 0 ? "/" : group.substring(0, slash);
        }
    }

    int instanceCount() {
        return apps.values().stream().mapToInt(app -> app.instances.size()).sum();
    }
}
