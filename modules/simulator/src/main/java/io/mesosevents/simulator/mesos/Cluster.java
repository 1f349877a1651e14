package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.apache.mesos.v1.master.Protos.Response.GetExecutors;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.apache.mesos.v1.master.Protos.Response.GetTasks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The truth of a simulated master: every agent, framework and task it knows, in the order it learnt
 * them, plus the indexes the simulation draws from. Keeps the two in step; decides nothing.
 */
final class Cluster {

    final Map<String, TaskEntry> tasks = new LinkedHashMap<>();
    final Map<String, AgentEntry> agents = new LinkedHashMap<>();
    final Map<String, FrameworkEntry> frameworks = new LinkedHashMap<>();

    /** Active tasks with a step to take: staging, starting, killing, or holding a status not yet sent. */
    final IndexedSet<TaskEntry> inFlight = new IndexedSet<>();
    /** Active tasks settled in {@code TASK_RUNNING}, of frameworks the model schedules. */
    final IndexedSet<TaskEntry> running = new IndexedSet<>();
    /** Active tasks settled in {@code TASK_RUNNING}, of a framework an external scheduler plays. */
    final IndexedSet<TaskEntry> externalRunning = new IndexedSet<>();
    final IndexedSet<AgentEntry> activeAgents = new IndexedSet<>();
    final IndexedSet<AgentEntry> unreachableAgents = new IndexedSet<>();
    final IndexedSet<AgentEntry> recoveredAgents = new IndexedSet<>();
    final IndexedSet<FrameworkEntry> registered = new IndexedSet<>();
    /** Registered, connected frameworks, which are offered resources and so launch tasks. */
    final IndexedSet<FrameworkEntry> launching = new IndexedSet<>();
    /** Registered frameworks other than Marathon, which the simulation may tear down. */
    final IndexedSet<FrameworkEntry> removable = new IndexedSet<>();
    /** Registered frameworks whose scheduler the model plays: it disconnects them, reconnects them, fails them over. */
    final IndexedSet<FrameworkEntry> modelScheduled = new IndexedSet<>();

    private final int maxCompletedTasksPerFramework;
    private final int maxCompletedFrameworks;
    private final Deque<FrameworkEntry> completedFrameworks = new ArrayDeque<>();
    private int liveTasks;

    Cluster(int maxCompletedTasksPerFramework, int maxCompletedFrameworks) {
        this.maxCompletedTasksPerFramework = maxCompletedTasksPerFramework;
        this.maxCompletedFrameworks = maxCompletedFrameworks;
    }

    /** Tasks that have not completed, known to the master or not. */
    int liveTasks() {
        return liveTasks;
    }

    void addAgent(AgentEntry agent) {
        agents.put(agent.id, agent);
        setAgentStatus(agent, AgentEntry.Status.ACTIVE);
    }

    void setAgentStatus(AgentEntry agent, AgentEntry.Status status) {
        activeAgents.remove(agent);
        unreachableAgents.remove(agent);
        recoveredAgents.remove(agent);
        agent.status = status;
        switch (status) {
            case ACTIVE -> activeAgents.add(agent);
            case UNREACHABLE -> unreachableAgents.add(agent);
            case RECOVERED -> recoveredAgents.add(agent);
        }
    }

    /** The agent will never come back under its id. */
    void forgetAgent(AgentEntry agent) {
        agents.remove(agent.id);
        activeAgents.remove(agent);
        unreachableAgents.remove(agent);
        recoveredAgents.remove(agent);
    }

    void addFramework(FrameworkEntry framework) {
        frameworks.put(framework.id, framework);
        registered.add(framework);
        modelScheduled.add(framework);
        if (!framework.isMarathon()) {
            removable.add(framework);
        }
        updateLaunching(framework);
    }

    void updateLaunching(FrameworkEntry framework) {
        if (registered.contains(framework) && framework.framework.getActive() && !framework.external) {
            launching.add(framework);
        } else {
            launching.remove(framework);
        }
    }

    /** Teardown has begun: the framework launches nothing more and is not chosen again. */
    void beginRemoval(FrameworkEntry framework) {
        framework.status = FrameworkEntry.Status.TEARING_DOWN;
        registered.remove(framework);
        removable.remove(framework);
        modelScheduled.remove(framework);
        launching.remove(framework);
    }

    /** An external scheduler plays the framework from now on: the model launches nothing more for it. */
    void takeOver(FrameworkEntry framework) {
        framework.external = true;
        modelScheduled.remove(framework);
        updateLaunching(framework);
        framework.tasks.forEach(this::reindex);
    }

    /** Teardown is over: the framework is listed as completed until it is the oldest of too many. */
    void completeRemoval(FrameworkEntry framework) {
        framework.status = FrameworkEntry.Status.COMPLETED;
        completedFrameworks.addLast(framework);
        while (completedFrameworks.size() > maxCompletedFrameworks) {
            FrameworkEntry forgotten = completedFrameworks.removeFirst();
            frameworks.remove(forgotten.id);
            forgotten.completed.forEach(task -> tasks.remove(task.id()));
        }
    }

    void addTask(TaskEntry task) {
        tasks.put(task.id(), task);
        task.agent.tasks.add(task);
        task.framework.tasks.add(task);
        liveTasks++;
        reindex(task);
    }

    /** Moves a task between the lists of {@code GET_TASKS}; completing it is for good. */
    void moveTask(TaskEntry task, TaskEntry.Bucket bucket) {
        task.bucket = bucket;
        if (bucket == TaskEntry.Bucket.COMPLETED) {
            liveTasks--;
            task.pending = null;
            task.agent.tasks.remove(task);
            task.framework.tasks.remove(task);
            task.framework.completed.addLast(task);
            while (task.framework.completed.size() > maxCompletedTasksPerFramework) {
                tasks.remove(task.framework.completed.removeFirst().id());
            }
        }
        reindex(task);
    }

    /** Forgets a task the master never knew of (hidden on a recovered agent). */
    void dropHiddenTask(TaskEntry task) {
        tasks.remove(task.id());
        task.agent.tasks.remove(task);
        task.framework.tasks.remove(task);
        liveTasks--;
    }

    /** Puts the task in the index its state calls for; call after every change of state or bucket. */
    void reindex(TaskEntry task) {
        inFlight.remove(task);
        running.remove(task);
        externalRunning.remove(task);
        if (task.bucket != TaskEntry.Bucket.ACTIVE) {
            return;
        }
        TaskState state = task.task.getState();
        if (task.pending == null && state == TaskState.TASK_RUNNING) {
            (task.framework.external ? externalRunning : running).add(task);
        } else {
            inFlight.add(task);
        }
    }

    /** The master's {@code GET_STATE} answer; shares the immutable messages of the model. */
    GetState state() {
        GetTasks.Builder tasksBuilder = GetTasks.newBuilder();
        GetExecutors.Builder executors = GetExecutors.newBuilder();
        for (TaskEntry task : tasks.values()) {
            switch (task.bucket) {
                case ACTIVE -> {
                    tasksBuilder.addTasks(task.task);
                    if (task.executor != null) {
                        executors.addExecutors(task.executor);
                    }
                }
                case UNREACHABLE -> tasksBuilder.addUnreachableTasks(task.task);
                case COMPLETED -> tasksBuilder.addCompletedTasks(task.task);
                case HIDDEN -> {
                    // Unknown to this master until its agent reregisters.
                }
            }
        }
        GetFrameworks.Builder frameworksBuilder = GetFrameworks.newBuilder();
        for (FrameworkEntry framework : frameworks.values()) {
            if (framework.status == FrameworkEntry.Status.COMPLETED) {
                frameworksBuilder.addCompletedFrameworks(framework.framework);
            } else {
                frameworksBuilder.addFrameworks(framework.framework);
            }
        }
        GetAgents.Builder agentsBuilder = GetAgents.newBuilder();
        for (AgentEntry agent : agents.values()) {
            switch (agent.status) {
                case ACTIVE -> agentsBuilder.addAgents(agent.agent);
                case RECOVERED -> agentsBuilder.addRecoveredAgents(agent.agent.getAgentInfo());
                case UNREACHABLE -> {
                    // A master lists unreachable agents nowhere in GET_AGENTS.
                }
            }
        }
        return GetState.newBuilder().setGetTasks(tasksBuilder).setGetExecutors(executors)
                .setGetFrameworks(frameworksBuilder).setGetAgents(agentsBuilder).build();
    }
}
