package io.mesosevents.streams;

import io.mesosevents.model.EntityKey;
import io.mesosevents.model.marathon.AppSnapshot;
import io.mesosevents.model.marathon.FailedHealthCheckEvent;
import io.mesosevents.model.marathon.HealthStatusChangedEvent;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.MarathonTask;
import io.mesosevents.model.marathon.StatusUpdateEvent;
import io.mesosevents.model.marathon.UnhealthyInstanceKillEvent;
import io.mesosevents.model.marathon.UnhealthyTaskKillEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * The Marathon events that speak about single tasks, re-keyed from their app to
 * {@code <cluster>/<task id>} so they meet the task's Mesos events.
 *
 * <p>An app snapshot is split into one record per task: an AppSnapshot holding that task alone,
 * its {@code appJson} left empty, so that the repartitioned records stay small.
 */
final class MarathonTaskFacts {

    private MarathonTaskFacts() {
    }

    static List<KeyValue<String, MarathonEvent>> of(MarathonEvent event) {
        String cluster = event.getMeta().getCluster();
        Object payload = event.getPayload();
        if (payload instanceof AppSnapshot snapshot) {
            List<KeyValue<String, MarathonEvent>> perTask = new ArrayList<>(snapshot.getTasks().size());
            for (MarathonTask task : snapshot.getTasks()) {
                AppSnapshot single = AppSnapshot.newBuilder(snapshot).setTasks(List.of(task)).setAppJson("")
                        .setHealthChecks(List.of()).setLastTaskFailure(null).setDeploymentIds(List.of()).build();
                perTask.add(KeyValue.pair(key(cluster, task.getId()),
                        MarathonEvent.newBuilder(event).setPayload(single).build()));
            }
            return perTask;
        }
        String taskId = taskId(payload);
        return taskId == null || taskId.isEmpty() ? List.of() : List.of(KeyValue.pair(key(cluster, taskId), event));
    }

    private static String taskId(Object payload) {
        if (payload instanceof StatusUpdateEvent status) {
            return status.getTaskId();
        }
        if (payload instanceof HealthStatusChangedEvent health) {
            return health.getTaskId();
        }
        if (payload instanceof FailedHealthCheckEvent failed) {
            return failed.getTaskId();
        }
        if (payload instanceof UnhealthyTaskKillEvent kill) {
            return kill.getTaskId();
        }
        if (payload instanceof UnhealthyInstanceKillEvent kill) {
            return kill.getTaskId();
        }
        return null;
    }

    private static String key(String cluster, String taskId) {
        return new EntityKey(cluster, taskId).encode();
    }
}
