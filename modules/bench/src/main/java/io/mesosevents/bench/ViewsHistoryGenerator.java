package io.mesosevents.bench;

import io.mesosevents.model.EntityKey;
import io.mesosevents.model.Topic;
import io.mesosevents.model.mesos.TaskState;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A cluster's history as the ingestor would have written it, deterministic by seed: every agent
 * registers ({@code AGENT_ADDED}), every Marathon app is posted ({@code api_post_event}), its tasks
 * launch ({@code TASK_ADDED} staging, then {@code TASK_STARTING} and {@code TASK_RUNNING}, each status
 * also as Marathon's {@code status_update_event}); from then on, step by step, a random running task
 * either changes health (Mesos {@code TASK_UPDATED} with the check's result, Marathon's
 * {@code health_status_changed_event}, and {@code failed_health_check_event} when it turns unhealthy) or
 * ends ({@code TASK_FAILED}, or {@code TASK_KILLING} then {@code TASK_KILLED}) and is replaced by a new task
 * of its app, until the wanted number of events is reached. Source times end about now.
 */
final class ViewsHistoryGenerator {

    /** Share of steps that move a launching task on, while some launch. */
    private static final double ADVANCE_SHARE = 0.5;
    /** Share of the other steps in which the running task ends (and is replaced) rather than changing health. */
    private static final double END_SHARE = 0.04;
    /** Share of ended tasks that failed rather than being killed. */
    private static final double FAILED_SHARE = 0.6;

    private final ViewsBenchSettings settings;
    private final ViewsEventSink sink;
    private final Random random;
    private final ViewsCluster cluster;
    private final ViewsEventFactory events;
    private final Map<Topic, Long> counts = new EnumMap<>(Topic.class);
    private final List<String> taskKeys = new ArrayList<>();
    private final List<ViewsCluster.Task> running = new ArrayList<>();
    private final Deque<ViewsCluster.Task> launching = new ArrayDeque<>();
    private long emitted;

    ViewsHistoryGenerator(ViewsBenchSettings settings, Instant end, ViewsEventSink sink) {
        this.settings = settings;
        this.sink = sink;
        this.random = new Random(settings.seed());
        Instant start = end.minus(ViewsEventFactory.STEP.multipliedBy(settings.events()));
        this.cluster = new ViewsCluster(random, settings.agents(), settings.apps(), settings.tasks(),
                start.minusSeconds(86_400).toString());
        this.events = new ViewsEventFactory(cluster, start, "bench-mesos-" + settings.seed(), "bench-marathon-" + settings.seed());
    }

    ViewsInput generate() {
        cluster.agents().forEach(agent -> emit(Topic.MESOS_AGENT_EVENTS, new EntityKey(ViewsCluster.CLUSTER, agent.id()).encode(), events.agentAdded(agent)));
        for (ViewsCluster.MarathonApp app : cluster.apps()) {
            emit(Topic.MARATHON_EVENTS, appKey(app), events.appPosted(app));
        }
        for (ViewsCluster.MarathonApp app : cluster.apps()) {
            for (int i = 0; i < app.instances(); i++) {
                launch(app);
            }
        }
        while (emitted < settings.events()) {
            if (!launching.isEmpty() && (running.isEmpty() || random.nextDouble() < ADVANCE_SHARE)) {
                advance(launching.poll());
            } else if (random.nextDouble() < END_SHARE) {
                end(running.get(random.nextInt(running.size())));
            } else {
                changeHealth(running.get(random.nextInt(running.size())));
            }
        }
        return new ViewsInput(counts, taskKeys, cluster.apps().size(), cluster.agents().size());
    }

    private void launch(ViewsCluster.MarathonApp app) {
        ViewsCluster.Task task = cluster.launch(app);
        taskKeys.add(task.key());
        emit(Topic.MESOS_TASK_EVENTS, task.key(), events.taskAdded(task));
        launching.add(task);
    }

    /** Staging → starting → running; a task still launching goes to the back of the queue. */
    private void advance(ViewsCluster.Task task) {
        TaskState next = task.state == TaskState.TASK_STAGING ? TaskState.TASK_STARTING : TaskState.TASK_RUNNING;
        status(task, next);
        if (next == TaskState.TASK_RUNNING) {
            running.add(task);
        } else {
            launching.add(task);
        }
    }

    private void changeHealth(ViewsCluster.Task task) {
        task.healthy = !task.healthy;
        emit(Topic.MESOS_TASK_EVENTS, task.key(), events.taskUpdated(task, TaskState.TASK_RUNNING, task.healthy));
        emit(Topic.MARATHON_EVENTS, appKey(task.app()), events.healthChanged(task, task.healthy));
        if (!task.healthy) {
            emit(Topic.MARATHON_EVENTS, appKey(task.app()), events.failedHealthCheck(task));
        }
    }

    private void end(ViewsCluster.Task task) {
        running.remove(task);
        if (random.nextDouble() < FAILED_SHARE) {
            status(task, TaskState.TASK_FAILED);
        } else {
            status(task, TaskState.TASK_KILLING);
            status(task, TaskState.TASK_KILLED);
        }
        launch(task.app());
    }

    /** A status update as both sources tell it: Mesos's TASK_UPDATED, then Marathon's status_update_event. */
    private void status(ViewsCluster.Task task, TaskState state) {
        task.state = state;
        emit(Topic.MESOS_TASK_EVENTS, task.key(), events.taskUpdated(task, state, null));
        emit(Topic.MARATHON_EVENTS, appKey(task.app()), events.statusUpdate(task, state));
    }

    private void emit(Topic topic, String key, SpecificRecord value) {
        sink.send(topic, key, value, events.ingestTime());
        counts.merge(topic, 1L, Long::sum);
        emitted++;
    }

    /** Marathon's events about an app are keyed by the app: {@code <cluster>//prod/web}. */
    private static String appKey(ViewsCluster.MarathonApp app) {
        return new EntityKey(ViewsCluster.CLUSTER, app.id()).encode();
    }
}
