package io.mesosevents.simulator.mesos;

import io.mesosevents.simulator.SimRandom;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetExecutors.Executor;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks.Framework;
import org.apache.mesos.v1.master.Protos.Response.GetState;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import static org.apache.mesos.v1.Protos.TaskState.TASK_FAILED;
import static org.apache.mesos.v1.Protos.TaskState.TASK_FINISHED;
import static org.apache.mesos.v1.Protos.TaskState.TASK_GONE;
import static org.apache.mesos.v1.Protos.TaskState.TASK_GONE_BY_OPERATOR;
import static org.apache.mesos.v1.Protos.TaskState.TASK_KILLED;
import static org.apache.mesos.v1.Protos.TaskState.TASK_LOST;
import static org.apache.mesos.v1.Protos.TaskState.TASK_RUNNING;
import static org.apache.mesos.v1.Protos.TaskState.TASK_UNREACHABLE;
import static org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_AGENT_REMOVED;
import static org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_AGENT_REMOVED_BY_OPERATOR;
import static org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_AGENT_RESTARTED;
import static org.apache.mesos.v1.Protos.TaskStatus.Reason.REASON_FRAMEWORK_REMOVED;
import static org.apache.mesos.v1.Protos.TaskStatus.Source.SOURCE_EXECUTOR;
import static org.apache.mesos.v1.Protos.TaskStatus.Source.SOURCE_MASTER;

/**
 * A seeded Mesos cluster that changes one event at a time. {@link #next()} makes the next change
 * to the truth and returns the one {@code Event} a master would send for it; the sequence depends
 * only on the configuration's model knobs and on {@link #failover()} calls, never on timing.
 *
 * <p>Changes that a real master sends as a burst (an agent's tasks going unreachable after
 * {@code AGENT_REMOVED}, a torn-down framework's tasks being killed) are queued as follow-ups and
 * sent by the next steps, before anything else happens; so the truth after any number of events is
 * exactly what those events say (a failover, which ends every stream, completes a burst in progress
 * without events). Not thread-safe: its owner serialises every call.
 *
 * <p>An external scheduler may take Marathon over ({@link #takeOver}); its calls change the cluster
 * when they come, each with the event a master sends for it, so from then on the sequence depends on
 * when they come too. Without one, nothing of it draws from the random source.
 */
final class ClusterSimulation {

    private static final double MARATHON_SHARE = 0.6;
    /**
     * How often something happens to a running task of an external scheduler, per task, next to 22
     * for the model's own: only health changes and failures, never a kill or an end it did not ask for.
     */
    private static final double EXTERNAL_RUNNING_WEIGHT = 4;
    private static final long DAY_SECONDS = 86_400;

    private final MesosSimulatorConfig config;
    private final SimRandom random;
    private final SimClock clock;
    private final ClusterProtos protos;
    private final Cluster cluster;
    private final TaskLifecycle lifecycle;
    private final Deque<Supplier<Event>> followUps = new ArrayDeque<>();
    private final ExternalScheduler scheduler;
    private final FrameworkEntry marathon;
    private String masterId;
    private int nextAgentId;
    private int nextHostNumber;
    private int nextFrameworkId;
    private int otherFrameworks;
    private long emitted;

    ClusterSimulation(MesosSimulatorConfig config) {
        this.config = config;
        this.random = new SimRandom(config.seed());
        this.clock = new SimClock(config.epoch());
        this.protos = new ClusterProtos(random, clock);
        this.cluster = new Cluster(config.maxCompletedTasksPerFramework(), config.maxCompletedFrameworks());
        this.lifecycle = new TaskLifecycle(random, protos, cluster);
        this.scheduler = new ExternalScheduler(cluster, lifecycle, protos, random, clock, followUps);
        this.masterId = random.uuid();
        this.marathon = registerFramework(Catalogue.marathon(Math.max(3, Math.min(400, config.tasks() / 8))), longAgo());
        bootstrap();
    }

    /** Makes the next change and returns its event. */
    Event next() {
        clock.advance(random);
        Event event = followUps.isEmpty() ? randomStep() : followUps.removeFirst().get();
        emitted++;
        return event;
    }

    /** The current truth, as {@code GET_STATE} answers it. */
    GetState state() {
        return cluster.state();
    }

    /**
     * The master fails over: a new master id, and a few agents are known only from the registry
     * until they reregister (with {@code AGENT_ADDED} and a {@code TASK_ADDED} for each of their
     * tasks), from the first snapshot the new master serves on.
     *
     * <p>A burst the old master was sending (follow-ups still queued) is completed first, without
     * events, as the history the new master finds: its owner ends every stream in the same step, so
     * no subscriber misses those changes, and the follow-ups still apply to known tasks. Recovery is
     * never put off until the burst has been sent: whether a failover came in the middle of one
     * depends on when it came, and a snapshot taken then would have no recovered agent.
     */
    void failover() {
        masterId = random.uuid();
        drainFollowUps();
        recoverSomeAgents();
    }

    String masterId() {
        return masterId;
    }

    /**
     * An external scheduler takes the framework named {@code frameworkName} over (only Marathon can
     * be); answers its id. See {@link ExternalScheduler#takeOver}.
     */
    Changed<String> takeOver(String frameworkName) {
        return counted(scheduler.takeOver(schedulable(frameworkName)));
    }

    /** Launches a task for the external scheduler of {@code frameworkName}. */
    Changed<LaunchedTask> launch(String frameworkName, LaunchRequest request) {
        return counted(scheduler.launch(takenOver(frameworkName), request));
    }

    /** Kills a task the external scheduler of {@code frameworkName} launched. */
    Changed<KillOutcome> kill(String frameworkName, String taskId) {
        return counted(scheduler.kill(takenOver(frameworkName), taskId));
    }

    /** Changes of a burst made but not yet sent as events. */
    int queuedFollowUps() {
        return followUps.size();
    }

    long emitted() {
        return emitted;
    }

    int liveTasks() {
        return cluster.liveTasks();
    }

    int activeAgents() {
        return cluster.activeAgents.size();
    }

    int registeredFrameworks() {
        return cluster.registered.size();
    }

    /**
     * The cluster as the master finds it at start: the configured frameworks, agents and running
     * tasks, plus some history (completed tasks, a completed framework, unreachable agents with
     * their tasks, recovered agents) so that the first snapshot has something in every list.
     */
    private void bootstrap() {
        for (int i = 1; i < config.frameworks(); i++) {
            registerFramework(Catalogue.other(otherFrameworks++), longAgo());
        }
        for (int i = 0; i < config.agents(); i++) {
            joinAgent(nextHostNumber++, longAgo());
        }
        for (int i = 0; i < config.tasks(); i++) {
            launchRunning(pickLaunching());
        }
        for (int i = 0; i < config.tasks() / 20; i++) {
            TaskEntry task = launchRunning(pickLaunching());
            lifecycle.transition(task, random.chance(0.5) ? TASK_FINISHED : TASK_FAILED, SOURCE_EXECUTOR, null);
        }
        FrameworkEntry finished = registerFramework(Catalogue.other(otherFrameworks++), longAgo());
        launchRunning(finished);
        launchRunning(finished);
        tearDown(finished);
        drainFollowUps();
        int unreachable = config.agents() >= 5 ? Math.max(1, config.agents() / 50) : 0;
        for (int i = 0; i < unreachable; i++) {
            agentLeaves();
            drainFollowUps();
        }
        recoverSomeAgents();
    }

    /** Applies queued follow-ups without sending them: history from before the master started. */
    private void drainFollowUps() {
        while (!followUps.isEmpty()) {
            followUps.removeFirst().get();
        }
    }

    private <T> Changed<T> counted(Changed<T> changed) {
        emitted += changed.events().size();
        return changed;
    }

    private FrameworkEntry schedulable(String frameworkName) {
        if (!marathon.kind.name().equals(frameworkName)) {
            throw new SchedulerCallRefused(SchedulerCallRefused.Reason.UNKNOWN_FRAMEWORK,
                    "No framework '" + frameworkName + "' can be taken over; only " + marathon.kind.name() + " can");
        }
        return marathon;
    }

    private FrameworkEntry takenOver(String frameworkName) {
        FrameworkEntry framework = schedulable(frameworkName);
        if (!framework.external) {
            throw new SchedulerCallRefused(SchedulerCallRefused.Reason.NOT_TAKEN_OVER,
                    "No external scheduler has taken " + frameworkName + " over");
        }
        return framework;
    }

    private Event randomStep() {
        boolean canLaunch = !cluster.activeAgents.isEmpty() && !cluster.launching.isEmpty();
        double target = Math.max(1, config.tasks());
        double[] weights = {
                // Launches follow the shortfall and running tasks end at a rate per task: the population settles at the target.
                canLaunch ? 24 * Math.max(0.1, Math.min(5, 1 + 6 * (1 - cluster.liveTasks() / target))) : 0,
                Math.min(40, 4.0 * cluster.inFlight.size()),
                22 * cluster.running.size() / target,
                cluster.activeAgents.size() > 1 ? 0.6 : 0,
                // Unreachable agents come back at a rate that grows with their number, so few stay away.
                Math.min(5, 0.4 * cluster.unreachableAgents.size()),
                cluster.agents.size() < config.agents() ? 1 : 0,
                cluster.recoveredAgents.isEmpty() ? 0 : 8,
                cluster.registered.size() < config.frameworks() ? 1.5 : 0,
                cluster.modelScheduled.isEmpty() ? 0 : 1.2,
                cluster.removable.isEmpty() || cluster.registered.size() < config.frameworks() ? 0 : 0.25,
                // Last, so that while it is 0 (no external scheduler) the draws are as they always were.
                EXTERNAL_RUNNING_WEIGHT * cluster.externalRunning.size() / target,
        };
        return switch (random.weighted(weights)) {
            case 0 -> launch();
            case 1 -> lifecycle.stepInFlight();
            case 2 -> lifecycle.stepRunning();
            case 3 -> agentLeaves();
            case 4 -> agentReturns();
            case 5 -> Events.agentAdded(joinAgent(nextHostNumber++, clock.timeInfo()).agent);
            case 6 -> recoveredAgentReregisters();
            case 7 -> Events.frameworkAdded(registerFramework(Catalogue.other(otherFrameworks++), clock.timeInfo()).framework);
            case 8 -> frameworkUpdated();
            case 9 -> tearDown(cluster.removable.pick(random));
            default -> lifecycle.stepExternalRunning();
        };
    }

    private Event launch() {
        return Events.taskAdded(newTask(pickLaunching()).task);
    }

    private Event agentLeaves() {
        AgentEntry agent = cluster.activeAgents.pick(random);
        cluster.setAgentStatus(agent, AgentEntry.Status.UNREACHABLE);
        for (TaskEntry task : List.copyOf(agent.tasks)) {
            followUps.addLast(() -> {
                if (!task.framework.kind.partitionAware()) {
                    return lifecycle.transition(task, TASK_LOST, SOURCE_MASTER, REASON_AGENT_REMOVED);
                }
                task.beforeUnreachable = task.task;
                return lifecycle.transition(task, TASK_UNREACHABLE, SOURCE_MASTER, REASON_AGENT_REMOVED);
            });
        }
        return Events.agentRemoved(agent.agent.getAgentInfo().getId());
    }

    private Event agentReturns() {
        AgentEntry agent = cluster.unreachableAgents.pick(random);
        List<TaskEntry> stranded = List.copyOf(agent.tasks);
        double r = random.nextDouble();
        if (stranded.isEmpty() || r < 0.6) {
            // The partition heals: the agent reregisters under its id and reports its tasks again.
            agent.agent = protos.reregistered(agent.agent);
            cluster.setAgentStatus(agent, AgentEntry.Status.ACTIVE);
            for (TaskEntry task : stranded) {
                followUps.addLast(() -> {
                    task.task = task.beforeUnreachable;
                    task.beforeUnreachable = null;
                    cluster.moveTask(task, TaskEntry.Bucket.ACTIVE);
                    scheduler.taskReturned(task);
                    return Events.taskAdded(task.task);
                });
            }
            return Events.agentAdded(agent.agent);
        }
        cluster.forgetAgent(agent);
        if (r < 0.85) {
            // The host rebooted: its agent registers under a new id and the old id's tasks are gone.
            AgentEntry successor = joinAgent(agent.number, clock.timeInfo());
            stranded.forEach(task -> followUps.addLast(() -> lifecycle.transition(task, TASK_GONE, SOURCE_MASTER, REASON_AGENT_RESTARTED)));
            return Events.agentAdded(successor.agent);
        }
        // An operator marks the agent gone for good.
        stranded.forEach(task -> followUps.addLast(
                () -> lifecycle.transition(task, TASK_GONE_BY_OPERATOR, SOURCE_MASTER, REASON_AGENT_REMOVED_BY_OPERATOR)));
        return followUps.removeFirst().get();
    }

    private Event recoveredAgentReregisters() {
        AgentEntry agent = cluster.recoveredAgents.pick(random);
        agent.agent = protos.reregistered(agent.agent);
        cluster.setAgentStatus(agent, AgentEntry.Status.ACTIVE);
        for (TaskEntry task : List.copyOf(agent.tasks)) {
            followUps.addLast(() -> {
                cluster.moveTask(task, TaskEntry.Bucket.ACTIVE);
                scheduler.taskReturned(task);
                return Events.taskAdded(task.task);
            });
        }
        return Events.agentAdded(agent.agent);
    }

    private Event frameworkUpdated() {
        FrameworkEntry framework = cluster.modelScheduled.pick(random);
        Framework.Builder updated = framework.framework.toBuilder();
        if (!framework.framework.getActive()) {
            updated.setActive(true).setConnected(true).setReregisteredTime(clock.timeInfo());
        } else if (random.chance(0.5)) {
            // The scheduler lost its connection: the master deactivates it and stops offering.
            updated.setActive(false).setConnected(false);
        } else {
            // The scheduler failed over to another host and reregistered.
            updated.setFrameworkInfo(protos.frameworkInfo(framework.kind, framework.id,
                    schedulerHost(framework.kind, random.between(1, 4)))).setReregisteredTime(clock.timeInfo());
        }
        framework.framework = updated.build();
        cluster.updateLaunching(framework);
        return Events.frameworkUpdated(framework.framework);
    }

    /** Kills the framework's tasks, one event each, then removes it. */
    private Event tearDown(FrameworkEntry framework) {
        cluster.beginRemoval(framework);
        for (TaskEntry task : List.copyOf(framework.tasks)) {
            if (task.bucket == TaskEntry.Bucket.HIDDEN) {
                cluster.dropHiddenTask(task);
            } else {
                followUps.addLast(() -> lifecycle.transition(task, TASK_KILLED, SOURCE_MASTER, REASON_FRAMEWORK_REMOVED));
            }
        }
        followUps.addLast(() -> {
            framework.framework = framework.framework.toBuilder().setActive(false).setConnected(false)
                    .setUnregisteredTime(clock.timeInfo()).build();
            cluster.completeRemoval(framework);
            return Events.frameworkRemoved(framework.framework.getFrameworkInfo());
        });
        return followUps.removeFirst().get();
    }

    private void recoverSomeAgents() {
        int count = config.agents() >= 5 ? Math.max(1, cluster.activeAgents.size() / 100) : 0;
        for (int i = 0; i < count && cluster.activeAgents.size() > 1; i++) {
            AgentEntry agent = cluster.activeAgents.pick(random);
            cluster.setAgentStatus(agent, AgentEntry.Status.RECOVERED);
            agent.tasks.forEach(task -> cluster.moveTask(task, TaskEntry.Bucket.HIDDEN));
        }
    }

    private TaskEntry launchRunning(FrameworkEntry framework) {
        TaskEntry task = newTask(framework);
        Boolean healthy = task.workload.healthChecked() ? random.chance(0.9) : null;
        lifecycle.update(task, protos.status(task, TASK_RUNNING, SOURCE_EXECUTOR, null, healthy), TASK_RUNNING);
        return task;
    }

    private TaskEntry newTask(FrameworkEntry framework) {
        AgentEntry agent = cluster.activeAgents.pick(random);
        Workload workload = random.pick(framework.kind.workloads());
        String taskId = workload.taskIdPrefix() + random.uuid() + workload.taskIdSuffix();
        Executor executor = workload.customExecutor() ? protos.executor(taskId, framework, agent) : null;
        TaskEntry task = new TaskEntry(framework, agent, workload, executor,
                protos.stagingTask(taskId, framework, agent, workload, executor));
        cluster.addTask(task);
        return task;
    }

    private FrameworkEntry pickLaunching() {
        if (cluster.launching.contains(marathon) && random.chance(MARATHON_SHARE)) {
            return marathon;
        }
        return cluster.launching.pick(random);
    }

    private AgentEntry joinAgent(int hostNumber, TimeInfo registeredTime) {
        AgentEntry agent = protos.agent(masterId + "-S" + nextAgentId++, hostNumber, registeredTime);
        cluster.addAgent(agent);
        return agent;
    }

    private FrameworkEntry registerFramework(FrameworkKind kind, TimeInfo registeredTime) {
        String id = masterId + "-" + String.format("%04d", nextFrameworkId++);
        FrameworkEntry framework = new FrameworkEntry(id, kind,
                protos.framework(protos.frameworkInfo(kind, id, schedulerHost(kind, 1)), registeredTime));
        cluster.addFramework(framework);
        return framework;
    }

    private static String schedulerHost(FrameworkKind kind, int instance) {
        return kind.name() + "-" + instance + ".mesos.internal";
    }

    private TimeInfo longAgo() {
        return clock.timeInfoBefore(random.between(1, 30) * DAY_SECONDS);
    }
}
