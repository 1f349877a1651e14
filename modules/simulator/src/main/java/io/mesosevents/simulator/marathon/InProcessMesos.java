package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.SimRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A small Mesos of the simulator's own, for when no Mesos simulator is coupled: agents with hosts
 * and port ranges, tasks placed on them going STAGING → STARTING → RUNNING, kills through
 * KILLING → KILLED, failures, health check results, and agents lost (their tasks
 * {@code TASK_UNREACHABLE}) that come back or are gone for good ({@code TASK_GONE}/{@code TASK_LOST}).
 * Some app versions are bad releases whose tasks keep failing, or run but fail their checks; now
 * and then Mesos reports a task from before Marathon's time that it never knew.
 *
 * <p>Seeded and {@link SteppedBackend stepped}: it acts only when the model asks, so its updates
 * are part of the model's event sequence.
 */
final class InProcessMesos implements SteppedBackend {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessMesos.class);
    private static final String MASTER = "10.0.0.1:5050";

    private final SimRandom random;
    private final Supplier<Instant> clock;
    private final String clusterId;
    private final List<SimAgent> agents = new ArrayList<>();
    /** Tasks not yet terminal, by id, in launch order. */
    private final Map<String, SimTask> tasks = new LinkedHashMap<>();
    private final Map<String, SimTask.Behaviour> releases = new HashMap<>();
    private final Set<String> appIds = new LinkedHashSet<>();
    private int nextAgent;
    private TaskListener listener;

    /** @param clock the model's simulated time, which updates are stamped with */
    InProcessMesos(SimRandom random, int agentCount, Supplier<Instant> clock) {
        this.random = random;
        this.clock = clock;
        this.clusterId = random.uuid();
        for (int i = 0; i < agentCount; i++) {
            agents.add(newAgent("10.0." + (1 + i / 200) + "." + (10 + i % 200)));
        }
    }

    @Override
    public void start(TaskListener taskListener) {
        this.listener = taskListener;
        LOG.info("In-process Mesos started: {} agents, framework {}", agents.size(), frameworkId());
    }

    @Override
    public void launch(TaskLaunch launch) {
        String release = launch.appId() + "@" + launch.appVersion();
        SimTask.Behaviour behaviour = releases.computeIfAbsent(release, key -> {
            double r = random.nextDouble();
            return r < 0.07 ? SimTask.Behaviour.BROKEN
                    : r < 0.15 && launch.healthChecked() ? SimTask.Behaviour.SICK : SimTask.Behaviour.FINE;
        });
        appIds.add(launch.appId());
        tasks.put(launch.taskId(), new SimTask(launch, behaviour));
    }

    @Override
    public void kill(String taskId) {
        SimTask task = tasks.get(taskId);
        if (task != null) {
            task.killRequested = true;
        }
    }

    @Override
    public String frameworkId() {
        return clusterId + "-0000";
    }

    @Override
    public String master() {
        return MASTER;
    }

    @Override
    public void close() {
        listener = null;
    }

    @Override
    public double weight() {
        double total = 0;
        for (double weight : look().weights()) {
            total += weight;
        }
        return total;
    }

    @Override
    public void step() {
        Situation now = look();
        switch (random.weighted(now.weights())) {
            case 0 -> place(now.pending().get(0));
            case 1 -> advance(random.pick(now.starting()));
            case 2 -> killStep(random.pick(now.killing()));
            case 3 -> checkHealth(random.pick(now.unchecked()));
            case 4 -> checkHealth(now.checked().get(random.weighted(now.checkWeights())));
            case 5 -> die(random.pick(now.running()));
            case 6 -> loseAgent(random.pick(now.agentsWithTasks()));
            case 7 -> agentReturns(random.pick(now.unreachable()));
            default -> reportUnknownTask();
        }
    }

    @Override
    public void settle() {
        for (SimTask task : List.copyOf(tasks.values())) {
            if (task.state == null && !task.killRequested) {
                releases.put(task.launch.appId() + "@" + task.launch.appVersion(), SimTask.Behaviour.FINE);
                task.agent = random.pick(reachableAgents());
                assignPorts(task);
                if (task.launch.healthChecked()) {
                    task.healthy = true;
                }
                deliver(task, "TASK_RUNNING", "", "");
            }
        }
    }

    /**
     * What could happen next and how likely each is, in the order {@link #step()} reads them: place,
     * advance, kill, first health result, later health result, die, lose an agent, an agent comes
     * back, an unknown task is reported.
     */
    private record Situation(List<SimTask> pending, List<SimTask> starting, List<SimTask> killing,
                             List<SimTask> unchecked, List<SimTask> checked, double[] checkWeights,
                             List<SimTask> running, List<SimAgent> agentsWithTasks, List<SimAgent> unreachable,
                             double[] weights) {
    }

    private Situation look() {
        List<SimTask> pending = new ArrayList<>();
        List<SimTask> starting = new ArrayList<>();
        List<SimTask> killing = new ArrayList<>();
        List<SimTask> unchecked = new ArrayList<>();
        List<SimTask> checked = new ArrayList<>();
        List<SimTask> running = new ArrayList<>();
        List<Double> checkWeights = new ArrayList<>();
        for (SimTask task : tasks.values()) {
            if (!task.reachable()) {
                continue;
            }
            if (task.killRequested) {
                killing.add(task);
            } else if (task.state == null) {
                pending.add(task);
            } else if (task.state.equals("TASK_STAGING") || task.state.equals("TASK_STARTING")) {
                starting.add(task);
            } else if (task.state.equals("TASK_RUNNING")) {
                running.add(task);
                if (task.launch.healthChecked() && task.healthy == null) {
                    unchecked.add(task);
                } else if (task.launch.healthChecked()) {
                    checked.add(task);
                    // A bad release fails check after check; a good one fails now and then and soon recovers.
                    checkWeights.add(task.behaviour == SimTask.Behaviour.SICK ? 1.0 : task.healthy ? 0.03 : 0.5);
                }
            }
        }
        boolean placeable = !reachableAgents().isEmpty();
        List<SimAgent> agentsWithTasks = agents.stream().filter(agent -> agent.reachable && !agent.tasks.isEmpty()).toList();
        List<SimAgent> unreachable = agents.stream().filter(agent -> !agent.reachable).toList();
        double[] weights = {
                placeable ? Math.min(12, 3.0 * pending.size()) : 0,
                Math.min(12, 3.0 * starting.size()),
                Math.min(16, 4.0 * killing.size()),
                Math.min(10, 2.0 * unchecked.size()),
                Math.min(8, checkWeights.stream().mapToDouble(Double::doubleValue).sum()),
                Math.min(1, 0.008 * running.size()),
                agentsWithTasks.isEmpty() || reachableAgents().size() < 2 ? 0 : 0.05,
                0.5 * unreachable.size(),
                0.05,
        };
        return new Situation(pending, starting, killing, unchecked, checked,
                checkWeights.stream().mapToDouble(Double::doubleValue).toArray(), running, agentsWithTasks, unreachable,
                weights);
    }

    private void place(SimTask task) {
        task.agent = random.pick(reachableAgents());
        assignPorts(task);
        deliver(task, "TASK_STAGING", "", "");
    }

    private void advance(SimTask task) {
        double r = random.nextDouble();
        if (task.state.equals("TASK_STAGING")) {
            if (r < 0.9) {
                deliver(task, "TASK_STARTING", "", "");
            } else if (r < 0.96) {
                deliver(task, "TASK_RUNNING", "", "");
            } else {
                deliver(task, "TASK_FAILED", "Failed to launch container: Failed to fetch all URIs for container",
                        "REASON_CONTAINER_LAUNCH_FAILED");
            }
        } else if (task.behaviour == SimTask.Behaviour.BROKEN) {
            deliver(task, "TASK_FAILED", "Command exited with status 1", "REASON_COMMAND_EXECUTOR_FAILED");
        } else {
            deliver(task, "TASK_RUNNING", "", "");
        }
    }

    private void killStep(SimTask task) {
        if ("TASK_RUNNING".equals(task.state) && random.chance(0.65)) {
            deliver(task, "TASK_KILLING", "Command terminated with signal Terminated", "");
        } else {
            deliver(task, "TASK_KILLED", "Command terminated with signal Terminated", "");
        }
    }

    /** A result of the task's health check; a bad release fails every one, a good one now and then. */
    private void checkHealth(SimTask task) {
        boolean healthy;
        if (task.behaviour == SimTask.Behaviour.SICK) {
            healthy = false;
        } else if (task.healthy == null) {
            healthy = random.chance(0.95);
        } else {
            healthy = !task.healthy && random.chance(0.8);
        }
        task.healthy = healthy;
        deliver(task, "TASK_RUNNING", healthy ? "" : "Health check failed: HTTP 503 Service Unavailable",
                "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED");
    }

    private void die(SimTask task) {
        if (random.chance(0.6)) {
            deliver(task, "TASK_FAILED", "Memory limit exceeded: Requested: " + (long) task.launch.mem() + "MB",
                    "REASON_CONTAINER_LIMITATION_MEMORY");
        } else {
            deliver(task, "TASK_FINISHED", "Command exited with status 0", "");
        }
    }

    private void loseAgent(SimAgent agent) {
        agent.reachable = false;
        LOG.info("In-process Mesos: agent {} ({}) unreachable with {} task(s)", agent.id, agent.host, agent.tasks.size());
        for (SimTask task : List.copyOf(agent.tasks)) {
            task.stateBeforeUnreachable = task.state;
            deliver(task, "TASK_UNREACHABLE", "Agent " + agent.id + " removed: health check timed out",
                    "REASON_AGENT_REMOVED");
        }
    }

    /** The partition heals and the tasks are as they were; or the host is gone with its tasks and comes back as a new agent. */
    private void agentReturns(SimAgent agent) {
        if (random.chance(0.65)) {
            agent.reachable = true;
            LOG.info("In-process Mesos: agent {} ({}) reachable again", agent.id, agent.host);
            for (SimTask task : List.copyOf(agent.tasks)) {
                deliver(task, task.stateBeforeUnreachable, "Reconciliation: Latest task state", "REASON_RECONCILIATION");
            }
            return;
        }
        LOG.info("In-process Mesos: agent {} ({}) gone; it registers again as a new agent", agent.id, agent.host);
        for (SimTask task : List.copyOf(agent.tasks)) {
            deliver(task, random.chance(0.6) ? "TASK_GONE" : "TASK_LOST", "Agent " + agent.id + " was marked gone",
                    "REASON_AGENT_REMOVED_BY_OPERATOR");
        }
        agents.set(agents.indexOf(agent), newAgent(agent.host));
    }

    /** Reconciliation turns up a task of an earlier Marathon, already over. */
    private void reportUnknownTask() {
        List<String> apps = new ArrayList<>(appIds);
        String appId = apps.isEmpty() ? "/legacy/batch-import" : random.pick(apps);
        String taskId = appId.substring(1).replace('/', '_') + ".instance-" + random.uuid() + "._app.1";
        SimAgent agent = random.pick(agents);
        String state = random.chance(0.6) ? "TASK_KILLED" : "TASK_GONE";
        listener.onUpdate(new TaskUpdate(taskId, state, agent.id, agent.host, List.of(), Optional.empty(),
                "Reconciliation: Task is unknown to the agent", "REASON_RECONCILIATION", clock.get()));
    }

    private void deliver(SimTask task, String state, String message, String reason) {
        task.state = state;
        if (Condition.terminal(state)) {
            tasks.remove(task.launch.taskId());
            if (task.agent != null) {
                task.agent.tasks.remove(task);
                task.agent.usedPorts.removeAll(task.ports);
            }
        }
        boolean announceHealth = task.launch.healthChecked() && task.healthy != null && state.equals("TASK_RUNNING");
        listener.onUpdate(new TaskUpdate(task.launch.taskId(), state, task.agent == null ? "" : task.agent.id,
                task.agent == null ? "" : task.agent.host, task.ports,
                announceHealth ? Optional.of(task.healthy) : Optional.empty(), message, reason, clock.get()));
    }

    private void assignPorts(SimTask task) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < task.launch.portCount()) {
            int port = random.between(SimAgent.FIRST_PORT, SimAgent.LAST_PORT);
            if (task.agent.usedPorts.add(port)) {
                ports.add(port);
            }
        }
        task.ports = List.copyOf(ports);
        task.agent.tasks.add(task);
    }

    private List<SimAgent> reachableAgents() {
        return agents.stream().filter(agent -> agent.reachable).toList();
    }

    private SimAgent newAgent(String host) {
        return new SimAgent(clusterId + "-S" + nextAgent++, host);
    }
}
