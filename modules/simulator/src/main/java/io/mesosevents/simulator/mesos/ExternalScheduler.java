package io.mesosevents.simulator.mesos;

import io.mesosevents.simulator.SimRandom;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Event;

import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.apache.mesos.v1.Protos.TaskState.TASK_KILLED;
import static org.apache.mesos.v1.Protos.TaskState.TASK_KILLING;
import static org.apache.mesos.v1.Protos.TaskStatus.Source.SOURCE_EXECUTOR;

/**
 * The master's side of a scheduler that runs outside the model, such as a simulated Marathon: it
 * takes a framework over, and from then on the model launches nothing for that framework; the tasks
 * it had are killed, as a scheduler kills tasks it does not know, and its tasks are only those the
 * scheduler launches. They are placed on a live agent with free ports and then live like any other
 * task: the lifecycle moves them on, agents leave under them, they fail, their health flaps.
 *
 * <p>Each call makes at most one event at once. A kill's {@code TASK_KILLED} is queued as a
 * follow-up, so that nothing random happens to the task between its two updates. A task the master
 * cannot reach (its agent is away, or it is a recovered agent's task the master does not know yet)
 * is killed when its agent reports it again. Not thread-safe: its simulation's owner serialises
 * every call.
 */
final class ExternalScheduler {

    private final Cluster cluster;
    private final TaskLifecycle lifecycle;
    private final ClusterProtos protos;
    private final SimRandom random;
    private final SimClock clock;
    private final Deque<Supplier<Event>> followUps;

    /** @param followUps the simulation's queue of changes to send before anything else happens */
    ExternalScheduler(Cluster cluster, TaskLifecycle lifecycle, ClusterProtos protos, SimRandom random, SimClock clock,
                      Deque<Supplier<Event>> followUps) {
        this.cluster = cluster;
        this.lifecycle = lifecycle;
        this.protos = protos;
        this.random = random;
        this.clock = clock;
        this.followUps = followUps;
    }

    /**
     * The scheduler registers as the framework, which the master announces as reregistered, and
     * every live task of the framework is killed: a scheduler taking over (again) knows none of them.
     */
    Changed<String> takeOver(FrameworkEntry framework) {
        clock.advance(random);
        cluster.takeOver(framework);
        framework.framework = framework.framework.toBuilder().setActive(true).setConnected(true)
                .setReregisteredTime(clock.timeInfo()).build();
        for (TaskEntry task : List.copyOf(framework.tasks)) {
            task.external = false;
            requestKill(task);
        }
        return new Changed<>(framework.id, List.of(Events.frameworkUpdated(framework.framework)));
    }

    /** Places the task on a live agent with the free ports it needs and adds it, {@code TASK_STAGING}. */
    Changed<LaunchedTask> launch(FrameworkEntry framework, LaunchRequest request) {
        if (cluster.tasks.containsKey(request.taskId())) {
            throw new SchedulerCallRefused(SchedulerCallRefused.Reason.DUPLICATE_TASK,
                    "The master knows a task " + request.taskId() + " already");
        }
        Placement placement = place(request.portCount()).orElseThrow(() -> new SchedulerCallRefused(
                SchedulerCallRefused.Reason.NO_RESOURCES, "No live agent has " + request.portCount() + " free ports"));
        clock.advance(random);
        // The task's ids are the scheduler's: the workload only names it and says whether it is checked.
        Workload workload = new Workload(request.taskName(), "", "",
                request.healthChecked() ? Catalogue.HTTP_HEALTH_CHECK : null, false);
        AgentEntry agent = placement.agent();
        TaskEntry task = new TaskEntry(framework, agent, workload, null,
                protos.launchedTask(request, framework, agent, workload, placement.ports()));
        task.external = true;
        cluster.addTask(task);
        LaunchedTask launched = new LaunchedTask(task.id(), framework.id, agent.id,
                agent.agent.getAgentInfo().getHostname(), placement.ports());
        return new Changed<>(launched, List.of(Events.taskAdded(task.task)));
    }

    /**
     * Kills a live task the scheduler launched: {@code TASK_KILLING} now, {@code TASK_KILLED} next;
     * nothing new when a kill is under way or the task is ending anyway; later when its agent is away.
     */
    Changed<KillOutcome> kill(FrameworkEntry framework, String taskId) {
        TaskEntry task = cluster.tasks.get(taskId);
        if (task == null || task.framework != framework || !task.external || task.bucket == TaskEntry.Bucket.COMPLETED) {
            throw new SchedulerCallRefused(SchedulerCallRefused.Reason.UNKNOWN_TASK,
                    "Framework " + framework.id + " has no live task " + taskId + " its scheduler launched");
        }
        boolean ending = task.pending != null && TaskLifecycle.isTerminal(task.pending.getState());
        if (task.killRequested || ending) {
            return new Changed<>(outcome(task), List.of());
        }
        task.killRequested = true;
        if (!reachable(task)) {
            return new Changed<>(outcome(task), List.of());
        }
        clock.advance(random);
        Event killing = killStep(task);
        return new Changed<>(outcome(task), List.of(killing));
    }

    /** Its agent reported the task again: a kill asked for while it was away begins now. */
    void taskReturned(TaskEntry task) {
        if (task.killRequested) {
            followUps.addLast(() -> killStep(task));
        }
    }

    /** Kills the task as soon as the master can reach it; a kill already under way is left alone. */
    private void requestKill(TaskEntry task) {
        if (task.killRequested) {
            return;
        }
        task.killRequested = true;
        if (reachable(task)) {
            followUps.addLast(() -> killStep(task));
        }
    }

    /**
     * The first update of a kill. A status the agent had moved past (see {@link TaskEntry#pending})
     * is superseded by the kill; but if the agent had ended the task already, that end is sent instead.
     */
    private Event killStep(TaskEntry task) {
        TaskStatus pending = task.pending;
        task.pending = null;
        if (pending != null && TaskLifecycle.isTerminal(pending.getState())) {
            return lifecycle.update(task, pending, pending.getState());
        }
        if (task.task.getState() == TASK_KILLING) {
            return lifecycle.transition(task, TASK_KILLED, SOURCE_EXECUTOR, null);
        }
        followUps.addLast(() -> lifecycle.transition(task, TASK_KILLED, SOURCE_EXECUTOR, null));
        return lifecycle.transition(task, TASK_KILLING, SOURCE_EXECUTOR, null);
    }

    /**
     * Whether the master can reach the task now. While a task's agent is away, or until the agent
     * has reported the task again (a re-add queued as a follow-up), no update of it may be sent.
     */
    private static boolean reachable(TaskEntry task) {
        return task.bucket == TaskEntry.Bucket.ACTIVE && task.agent.status == AgentEntry.Status.ACTIVE;
    }

    /** A live agent with the free ports, from a random one on in the agents' order. */
    private Optional<Placement> place(int portCount) {
        int agents = cluster.activeAgents.size();
        int first = agents == 0 ? 0 : random.between(0, agents);
        for (int i = 0; i < agents; i++) {
            AgentEntry agent = cluster.activeAgents.get((first + i) % agents);
            Optional<List<Integer>> ports = FreePorts.pick(agent, portCount, random);
            if (ports.isPresent()) {
                return Optional.of(new Placement(agent, ports.get()));
            }
        }
        return Optional.empty();
    }

    private static KillOutcome outcome(TaskEntry task) {
        return new KillOutcome(task.id(), task.task.getState().name());
    }

    private record Placement(AgentEntry agent, List<Integer> ports) {
    }
}
