package io.mesosevents.streams.rest;

import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosEventType;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.Resource;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.mesos.TaskStatusSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fifty tasks as the ingestor writes them: Marathon-form task ids of five apps in two clusters on
 * three agents, three in four running and the rest staging. Times are now, so no retention removes them.
 */
final class TaskFixtures {

    static final int COUNT = 50;
    static final List<String> APPS = List.of("prod_web", "prod_api", "batch_etl", "prod_web_canary", "ops_probe");
    static final String FRAMEWORK_ID = "5e1a8d0c-6f4b-4c1e-9b7a-2f1d3c4b5a60-0000";

    private TaskFixtures() {
    }

    static String cluster(int i) {
        return i % 2 == 0 ? "eu1" : "us1";
    }

    static String taskId(int i) {
        return APPS.get(i % APPS.size()) + ".instance-" + String.format("%08d-aaaa-bbbb-cccc-%012d", i, i) + "._app.1";
    }

    static String key(int i) {
        return cluster(i) + "/" + taskId(i);
    }

    static String agent(int i) {
        return "agent-S" + (i % 3);
    }

    static TaskState state(int i) {
        return i % 4 == 0 ? TaskState.TASK_STAGING : TaskState.TASK_RUNNING;
    }

    /** Marathon app id of task {@code i} ("/prod/web"). */
    static String appId(int i) {
        return "/" + APPS.get(i % APPS.size()).replace('_', '/');
    }

    /** Every event, in order, keyed as the ingestor keys them. */
    static Map<String, MesosTaskEvent> addedEvents(Instant now) {
        Map<String, MesosTaskEvent> events = new LinkedHashMap<>();
        for (int i = 0; i < COUNT; i++) {
            events.put(key(i), added(i, now));
        }
        return events;
    }

    static Map<String, MesosTaskEvent> updateEvents(Instant now) {
        Map<String, MesosTaskEvent> events = new LinkedHashMap<>();
        for (int i = 0; i < COUNT; i++) {
            if (state(i) == TaskState.TASK_RUNNING) {
                events.put(key(i), running(i, now.plusSeconds(1)));
            }
        }
        return events;
    }

    private static EventMeta meta(int i, long sequence, Instant at) {
        return EventMeta.newBuilder().setCluster(cluster(i)).setSource("http://master-" + cluster(i) + ":5050")
                .setSessionId("session-" + cluster(i)).setSequence(sequence).setSourceTimestamp(at)
                .setIngestTimestamp(at).setKind(EventKind.DELTA).build();
    }

    private static MesosTaskEvent added(int i, Instant at) {
        return MesosTaskEvent.newBuilder().setMeta(meta(i, 2L * i, at)).setEventType(MesosEventType.TASK_ADDED)
                .setTaskId(taskId(i)).setFrameworkId(FRAMEWORK_ID).setAgentId(agent(i)).setName("task-" + i)
                .setState(TaskState.TASK_STAGING)
                .setResources(List.of(Resource.newBuilder().setName("ports")
                        .setRanges(List.of(Range.newBuilder().setBegin(31000 + i).setEnd(31000 + i).build())).build()))
                .setLabels(Map.of("index", Integer.toString(i))).build();
    }

    private static MesosTaskEvent running(int i, Instant at) {
        TaskStatus status = TaskStatus.newBuilder().setState(TaskState.TASK_RUNNING).setSource(TaskStatusSource.SOURCE_EXECUTOR)
                .setMessage("running").setTimestamp(at).setAgentId(agent(i)).setIpAddresses(List.of("10.0.0." + i)).build();
        return MesosTaskEvent.newBuilder().setMeta(meta(i, 2L * i + 1, at)).setEventType(MesosEventType.TASK_UPDATED)
                .setTaskId(taskId(i)).setFrameworkId(FRAMEWORK_ID).setState(TaskState.TASK_RUNNING).setStatus(status).build();
    }
}
