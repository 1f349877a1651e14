package io.mesosevents.simulator.marathon;

import io.mesosevents.mesos.MesosClientConfig;
import io.mesosevents.mesos.MesosSession;
import io.mesosevents.mesos.MesosStreamHandler;
import io.mesosevents.mesos.MesosSubscriber;
import io.mesosevents.simulator.mesos.LaunchRequest;
import io.mesosevents.simulator.mesos.SchedulerCallRefused;
import io.mesosevents.simulator.mesos.SchedulerControlClient;
import io.mesosevents.simulator.mesos.SchedulerTakeover;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs Marathon's tasks in a running Mesos master simulator, so that both describe one cluster:
 * Marathon is the simulator's {@code marathon} framework, its tasks are Mesos tasks, and a change in
 * one shows in the other. {@link #connect} takes that framework over through the simulator's
 * control endpoints (the simulator then kills the tasks the framework had: this Marathon does not
 * know them); launches and kills go through the same endpoints. Status updates come from where any
 * client of the master reads them: the Operator API event stream, through the project's own
 * {@link MesosSubscriber}, which reconnects when the stream breaks. Every new session starts with a
 * snapshot, from which the current state of every task is reported again, so that nothing that
 * happened while disconnected is missed.
 *
 * <p>Only tasks launched through this backend are reported. A launch the master refuses is
 * reported as {@code TASK_ERROR}, and one the master cannot be asked about as {@code TASK_DROPPED}
 * ({@code REASON_MASTER_DISCONNECTED}), as Mesos tells a scheduler.
 */
public final class MesosSimulatorBackend implements TaskBackend {

    private static final Logger LOG = LoggerFactory.getLogger(MesosSimulatorBackend.class);
    private static final String FRAMEWORK = "marathon";
    private static final Set<TaskState> TERMINAL = EnumSet.of(TaskState.TASK_FINISHED, TaskState.TASK_FAILED,
            TaskState.TASK_KILLED, TaskState.TASK_ERROR, TaskState.TASK_LOST, TaskState.TASK_DROPPED, TaskState.TASK_GONE,
            TaskState.TASK_GONE_BY_OPERATOR);

    private final SchedulerControlClient control;
    private final SchedulerTakeover takeover;
    /** Tasks launched here and not yet reported ended: the only ones reported. */
    private final Set<String> launched = ConcurrentHashMap.newKeySet();
    private final TaskStream stream = new TaskStream();
    private final MesosSubscriber subscriber;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile TaskListener listener;

    private MesosSimulatorBackend(SchedulerControlClient control, SchedulerTakeover takeover, MesosClientConfig config) {
        this.control = control;
        this.takeover = takeover;
        this.subscriber = new MesosSubscriber(config, stream);
    }

    /**
     * Takes over the {@code marathon} framework of the Mesos master simulator at
     * {@code mesosMasterUrl} ({@code http://host:port}, any master of its cluster). Updates flow
     * once {@link #start} is called.
     *
     * @throws IOException when the master cannot be reached or does not take the takeover
     */
    public static MesosSimulatorBackend connect(URI mesosMasterUrl) throws IOException {
        MesosClientConfig config = MesosClientConfig.forMasters(List.of(mesosMasterUrl));
        SchedulerControlClient control = new SchedulerControlClient(mesosMasterUrl);
        SchedulerTakeover takeover;
        try {
            takeover = control.takeOver(FRAMEWORK);
        } catch (SchedulerCallRefused e) {
            throw new IOException("The Mesos master at " + mesosMasterUrl + " refused the takeover of " + FRAMEWORK
                    + ": " + e.getMessage(), e);
        }
        LOG.info("Took over Mesos framework {} ({}) at {}", FRAMEWORK, takeover.frameworkId(), takeover.master());
        return new MesosSimulatorBackend(control, takeover, config);
    }

    @Override
    public void start(TaskListener listener) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("Already started");
        }
        this.listener = listener;
        subscriber.start();
    }

    @Override
    public void launch(TaskLaunch launch) {
        // Known before the master is asked: the task's first update may come before the answer.
        boolean added = launched.add(launch.taskId());
        try {
            control.launch(FRAMEWORK, new LaunchRequest(launch.taskId(), launch.appId(), launch.appVersion(),
                    launch.cpus(), launch.mem(), launch.portCount(), launch.healthChecked()));
        } catch (SchedulerCallRefused | IllegalArgumentException e) {
            LOG.info("The Mesos master refused task {} of {}: {}", launch.taskId(), launch.appId(), e.getMessage());
            notLaunched(launch.taskId(), added, TaskState.TASK_ERROR, TaskStatus.Reason.REASON_TASK_INVALID, e.getMessage());
        } catch (IOException e) {
            LOG.warn("Cannot launch task {} of {}: {}", launch.taskId(), launch.appId(), e.getMessage());
            notLaunched(launch.taskId(), added, TaskState.TASK_DROPPED, TaskStatus.Reason.REASON_MASTER_DISCONNECTED,
                    e.getMessage());
        }
    }

    @Override
    public void kill(String taskId) {
        if (!launched.contains(taskId)) {
            return;
        }
        try {
            control.kill(FRAMEWORK, taskId);
        } catch (SchedulerCallRefused e) {
            // The task ended before the kill came; its end is reported from the stream.
            LOG.debug("Kill of {} refused: {}", taskId, e.getMessage());
        } catch (IOException e) {
            LOG.warn("Cannot kill task {}: {}", taskId, e.getMessage());
        }
    }

    @Override
    public String frameworkId() {
        return takeover.frameworkId();
    }

    @Override
    public String master() {
        return takeover.master();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            subscriber.close();
            LOG.info("Stopped following Mesos framework {}", takeover.frameworkId());
        }
    }

    /**
     * A launch that did not happen ends at once, as Mesos reports a task it could not launch.
     *
     * @param added false when the id was a live task's of this backend already, which keeps its updates
     */
    private void notLaunched(String taskId, boolean added, TaskState state, TaskStatus.Reason reason, String message) {
        if (added) {
            launched.remove(taskId);
        }
        tell(new TaskUpdate(taskId, state.name(), "", "", List.of(), Optional.empty(), message, reason.name(),
                stream.latestTimestamp()));
    }

    /** Reports an update from the stream; after its end a task is not reported any more. */
    private void deliver(TaskUpdate update) {
        if (TERMINAL.contains(TaskState.valueOf(update.state()))) {
            launched.remove(update.taskId());
        }
        tell(update);
    }

    private void tell(TaskUpdate update) {
        try {
            listener.onUpdate(update);
        } catch (RuntimeException e) {
            LOG.error("The task listener failed on {}", update, e);
        }
    }

    /**
     * Turns the master's event stream into updates of the tasks launched here. Runs on the
     * subscriber's thread alone, so its maps need no locking.
     */
    private final class TaskStream implements MesosStreamHandler {

        private final Map<String, String> hosts = new HashMap<>();
        private final Map<String, List<Integer>> ports = new HashMap<>();
        private volatile Instant latest;

        /** The latest simulated time seen in the stream, or the wall clock before any. */
        Instant latestTimestamp() {
            Instant seen = latest;
            return seen != null ? seen : Instant.now();
        }

        @Override
        public void connected(MesosSession session) {
            // The SUBSCRIBED snapshot that comes next says everything.
        }

        @Override
        public void event(MesosSession session, long offset, byte[] raw, Event event) {
            switch (event.getType()) {
                case SUBSCRIBED -> snapshot(event.getSubscribed().getGetState());
                case AGENT_ADDED -> hosts.put(event.getAgentAdded().getAgent().getAgentInfo().getId().getValue(),
                        event.getAgentAdded().getAgent().getAgentInfo().getHostname());
                case TASK_ADDED -> {
                    Task task = event.getTaskAdded().getTask();
                    if (ours(task)) {
                        report(task);
                    }
                }
                case TASK_UPDATED -> updated(event.getTaskUpdated());
                default -> {
                    // Nothing else tells about tasks.
                }
            }
        }

        @Override
        public void undecodable(MesosSession session, long offset, byte[] raw, String stage, String error) {
            LOG.warn("Skipped an undecodable record at offset {} of session {}: {}", offset, session.id(), error);
        }

        @Override
        public void streamFailed(MesosSession session, long offset, byte[] unread, String stage, String error) {
            LOG.warn("The Mesos stream of session {} broke at offset {}: {}", session.id(), offset, error);
        }

        @Override
        public void disconnected(MesosSession session, String reason) {
            // The subscriber logs the end and subscribes again; the next snapshot catches up.
        }

        /** A new session: every task launched here is reported as the master has it now. */
        private void snapshot(GetState state) {
            state.getGetAgents().getAgentsList().forEach(agent ->
                    hosts.put(agent.getAgentInfo().getId().getValue(), agent.getAgentInfo().getHostname()));
            state.getGetAgents().getRecoveredAgentsList().forEach(agent ->
                    hosts.put(agent.getId().getValue(), agent.getHostname()));
            List<Task> tasks = Stream.of(state.getGetTasks().getTasksList(), state.getGetTasks().getUnreachableTasksList(),
                    state.getGetTasks().getCompletedTasksList()).flatMap(List::stream).toList();
            tasks.forEach(task -> task.getStatusesList().forEach(this::observe));
            tasks.stream().filter(this::ours).forEach(this::report);
        }

        private void updated(Event.TaskUpdated update) {
            TaskStatus status = update.getStatus();
            observe(status);
            String taskId = status.getTaskId().getValue();
            if (!update.getFrameworkId().getValue().equals(takeover.frameworkId()) || !launched.contains(taskId)) {
                return;
            }
            String agentId = status.getAgentId().getValue();
            report(taskId, update.getState(), agentId, ports.getOrDefault(taskId, List.of()), status);
        }

        private boolean ours(Task task) {
            return task.getFrameworkId().getValue().equals(takeover.frameworkId())
                    && launched.contains(task.getTaskId().getValue());
        }

        private void report(Task task) {
            String taskId = task.getTaskId().getValue();
            List<Integer> taskPorts = portsOf(task);
            ports.put(taskId, taskPorts);
            TaskStatus last = task.getStatusesCount() == 0 ? null : task.getStatuses(task.getStatusesCount() - 1);
            report(taskId, task.getState(), task.getAgentId().getValue(), taskPorts, last);
        }

        /** @param status the task's latest status, null for a task just added */
        private void report(String taskId, TaskState state, String agentId, List<Integer> taskPorts, TaskStatus status) {
            if (TERMINAL.contains(state)) {
                ports.remove(taskId);
            }
            Optional<Boolean> healthy = status != null && status.hasHealthy() ? Optional.of(status.getHealthy()) : Optional.empty();
            deliver(new TaskUpdate(taskId, state.name(), agentId, hosts.getOrDefault(agentId, ""), taskPorts, healthy,
                    status == null ? "" : status.getMessage(),
                    status == null || !status.hasReason() ? "" : status.getReason().name(),
                    status == null ? latestTimestamp() : instant(status.getTimestamp())));
        }

        private void observe(TaskStatus status) {
            Instant at = instant(status.getTimestamp());
            Instant seen = latest;
            if (seen == null || at.isAfter(seen)) {
                latest = at;
            }
        }

        private static Instant instant(double epochSeconds) {
            long seconds = (long) Math.floor(epochSeconds);
            return Instant.ofEpochSecond(seconds, Math.round((epochSeconds - seconds) * 1e9));
        }

        /** The host ports of the task's {@code ports} resource, or of its discovery info when it has none. */
        private static List<Integer> portsOf(Task task) {
            List<Integer> found = new ArrayList<>();
            for (Resource resource : task.getResourcesList()) {
                if (resource.getName().equals("ports") && resource.getType() == Value.Type.RANGES) {
                    for (Value.Range range : resource.getRanges().getRangeList()) {
                        for (long port = range.getBegin(); port <= range.getEnd(); port++) {
                            found.add((int) port);
                        }
                    }
                }
            }
            if (found.isEmpty() && task.hasDiscovery()) {
                task.getDiscovery().getPorts().getPortsList().forEach(port -> found.add(port.getNumber()));
            }
            return List.copyOf(found);
        }
    }
}
