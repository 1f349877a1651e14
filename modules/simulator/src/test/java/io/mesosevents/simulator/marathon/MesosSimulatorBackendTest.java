package io.mesosevents.simulator.marathon;

import io.mesosevents.simulator.mesos.MesosMasterSimulator;
import io.mesosevents.simulator.mesos.MesosSimulatorConfig;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Response.GetAgents.Agent;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Marathon's tasks in a real Mesos master simulator, over real HTTP and the real Operator API stream. */
class MesosSimulatorBackendTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Set<String> TERMINAL = Set.of("TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_ERROR",
            "TASK_LOST", "TASK_DROPPED", "TASK_GONE", "TASK_GONE_BY_OPERATOR");
    /**
     * Fast, but with enough agents: agents leave at a share of all events, so with a handful of them
     * every task's agent would leave every second.
     */
    private static final MesosSimulatorConfig CONFIG = MesosSimulatorConfig.defaults().withPort(0).withRate(1_000)
            .withAgents(20).withTasks(100).withHeartbeatIntervalSeconds(0.5);

    private final Recorder updates = new Recorder();
    private MesosMasterSimulator master;
    private MesosSimulatorBackend backend;
    private int launches;

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
        if (master != null) {
            master.close();
        }
    }

    @Test
    void connectingTakesMarathonOverAndItsOldTasksAreKilled() throws Exception {
        start(CONFIG);
        String marathonId = marathonId(master.truth());

        assertThat(backend.frameworkId()).isEqualTo(marathonId);
        assertThat(backend.master()).isEqualTo(URI.create(master.url()).getAuthority());
        awaitTrue(() -> liveTasksOf(marathonId).isEmpty(), "Marathon's old tasks killed");
        assertThat(master.truth().getGetTasks().getCompletedTasksList()).filteredOn(task -> task.getFrameworkId().getValue()
                .equals(marathonId)).extracting(Task::getState).contains(TaskState.TASK_KILLED);
        // Were the model still launching for Marathon, about 60% of the cluster's tasks would be its.
        assertThat(master.awaitEventsEmitted(master.eventsEmitted() + 1_500, WAIT)).isTrue();
        awaitTrue(() -> liveTasksOf(marathonId).isEmpty(), "no new Marathon task but this backend's");
        assertThat(updates.all()).as("updates of tasks this backend did not launch").isEmpty();
    }

    @Test
    void launchedTasksRunWithTheHostAndPortsOfTheirAgent() throws Exception {
        start(CONFIG);
        List<String> taskIds = launchSeveral(8, false);

        taskIds.forEach(taskId -> updates.await(taskId, update -> update.state().equals("TASK_RUNNING") || ended(update)));

        List<String> ran = taskIds.stream().filter(taskId -> updates.of(taskId).stream()
                .anyMatch(update -> update.state().equals("TASK_RUNNING"))).toList();
        assertThat(ran).as("tasks that ran; a launch fails now and then").isNotEmpty();
        GetState truth = master.truth();
        for (String taskId : ran) {
            Task task = task(truth, taskId).orElseThrow();
            TaskUpdate staging = updates.of(taskId).get(0);
            TaskUpdate running = updates.of(taskId).stream().filter(update -> update.state().equals("TASK_RUNNING"))
                    .findFirst().orElseThrow();
            for (TaskUpdate update : List.of(staging, running)) {
                assertThat(update.agentId()).isEqualTo(task.getAgentId().getValue());
                assertThat(update.ports()).hasSize(2).isEqualTo(ports(task));
                assertThat(update.host()).isNotBlank();
                agent(truth, update.agentId()).ifPresent(agent ->
                        assertThat(update.host()).isEqualTo(agent.getAgentInfo().getHostname()));
            }
            assertThat(staging.state()).isEqualTo("TASK_STAGING");
            assertThat(task.getStatusesList()).as("GET_STATE").anySatisfy(status ->
                    assertThat(status.getState()).isEqualTo(TaskState.TASK_RUNNING));
            assertThat(running.timestamp()).isAfter(MesosSimulatorConfig.DEFAULT_EPOCH);
        }
    }

    @Test
    void aKillEndsTaskKilled() throws Exception {
        start(CONFIG);
        List<String> taskIds = launchSeveral(8, false);
        taskIds.forEach(taskId -> updates.await(taskId, update -> update.state().equals("TASK_RUNNING") || ended(update)));

        List<String> killed = new ArrayList<>();
        for (String taskId : taskIds) {
            if (!ended(updates.last(taskId))) {
                backend.kill(taskId);
                killed.add(taskId);
            }
        }
        backend.kill("nobody.instance-0._app.1");

        assertThat(killed).isNotEmpty();
        killed.forEach(taskId -> updates.await(taskId, MesosSimulatorBackendTest::ended));
        // A task may end otherwise just before its kill, or its agent may leave under it; most are killed.
        List<String> endedKilled = killed.stream().filter(taskId -> updates.last(taskId).state().equals("TASK_KILLED")).toList();
        assertThat(endedKilled).isNotEmpty();
        for (String taskId : endedKilled) {
            List<String> states = updates.of(taskId).stream().map(TaskUpdate::state).toList();
            assertThat(states.subList(states.size() - 2, states.size())).containsExactly("TASK_KILLING", "TASK_KILLED");
        }
        assertThat(updates.of("nobody.instance-0._app.1")).isEmpty();
    }

    @Test
    void anAgentLeavingShowsAsAnUpdateOfTheTasksOnIt() throws Exception {
        start(CONFIG);
        List<String> taskIds = launchSeveral(12, false);

        TaskUpdate unreachable = updates.awaitAny(update -> update.state().equals("TASK_UNREACHABLE"));

        assertThat(taskIds).contains(unreachable.taskId());
        assertThat(unreachable.reason()).isEqualTo("REASON_AGENT_REMOVED");
        assertThat(unreachable.agentId()).isEqualTo(updates.of(unreachable.taskId()).get(0).agentId());
        assertThat(unreachable.host()).isEqualTo(updates.of(unreachable.taskId()).get(0).host()).isNotBlank();
    }

    @Test
    void healthChecksOfCheckedTasksReportTheirResult() throws Exception {
        start(CONFIG);
        List<String> checked = launchSeveral(6, true);
        List<String> unchecked = launchSeveral(3, false);

        TaskUpdate health = updates.awaitAny(update -> update.reason().equals("REASON_TASK_HEALTH_CHECK_STATUS_UPDATED"));

        assertThat(checked).contains(health.taskId());
        assertThat(health.state()).isEqualTo("TASK_RUNNING");
        assertThat(health.healthy()).isPresent();
        assertThat(unchecked).allSatisfy(taskId -> assertThat(updates.of(taskId)).allSatisfy(update ->
                assertThat(update.healthy()).isEmpty()));
    }

    @Test
    void aNewSessionReportsTheCurrentStateOfEveryLiveTaskAgain() throws Exception {
        // The model stands still once it has made its events: after that, only a snapshot tells anything. A
        // calmer cluster than the others', so that most tasks are still live by then.
        start(CONFIG.withTasks(200).withRate(2_000).withMaxEvents(1_000));
        List<String> taskIds = launchSeveral(8, true);
        // The model's own events, the takeover's and the launches'; then a moment for the stream to bring them.
        assertThat(master.awaitEventsEmitted(1_000 + 1 + 8, WAIT)).isTrue();
        Thread.sleep(300);
        Map<String, TaskUpdate> before = new HashMap<>();
        taskIds.forEach(taskId -> before.put(taskId, updates.last(taskId)));
        Map<String, Integer> counts = new HashMap<>();
        taskIds.forEach(taskId -> counts.put(taskId, updates.of(taskId).size()));
        List<String> live = taskIds.stream().filter(taskId -> !ended(before.get(taskId))).toList();
        assertThat(live).isNotEmpty();

        master.dropSubscriptions();

        for (String taskId : live) {
            awaitTrue(() -> updates.of(taskId).size() > counts.get(taskId), "a new report of " + taskId);
            assertThat(comparable(updates.of(taskId).get(counts.get(taskId)))).as("as the snapshot has it")
                    .isEqualTo(comparable(before.get(taskId)));
        }
        taskIds.stream().filter(taskId -> !live.contains(taskId)).forEach(taskId ->
                assertThat(updates.of(taskId)).as("an ended task").hasSize(counts.get(taskId)));
    }

    @Test
    void aLaunchTheMasterRefusesEndsInTaskError() throws Exception {
        start(CONFIG);

        backend.launch(new TaskLaunch("big.instance-1._app.1", "/big", "v1", 1, 64, 5_000, false));
        backend.launch(new TaskLaunch("bad.instance-1._app.1", "/bad", "v1", 0, 64, 0, false));

        assertThat(updates.of("big.instance-1._app.1")).singleElement().satisfies(update -> {
            assertThat(update.state()).isEqualTo("TASK_ERROR");
            assertThat(update.reason()).isEqualTo("REASON_TASK_INVALID");
            assertThat(update.message()).contains("5000 free ports");
        });
        assertThat(updates.of("bad.instance-1._app.1")).singleElement().satisfies(update ->
                assertThat(update.message()).contains("cpus"));
    }

    @Test
    void closingEndsTheSubscriptionAndTheUpdates() throws Exception {
        start(CONFIG);
        launchSeveral(3, true);

        backend.close();
        int count = updates.all().size();

        awaitTrue(() -> master.status().subscribers() == 0, "the subscription closed");
        Thread.sleep(300);
        assertThat(updates.all()).hasSize(count);
    }

    @Test
    void connectingWhereNoMasterListensFails() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> MesosSimulatorBackend.connect(URI.create("http://127.0.0.1:" + port)))
                .isInstanceOf(IOException.class);
    }

    /** A master and a backend subscribed to it, so that every launch from now on comes in the stream. */
    private void start(MesosSimulatorConfig config) throws IOException, InterruptedException {
        master = MesosMasterSimulator.start(config);
        backend = MesosSimulatorBackend.connect(URI.create(master.url()));
        backend.start(updates);
        awaitTrue(() -> master.status().subscribers() == 1, "subscribed");
    }

    private List<String> launchSeveral(int count, boolean healthChecked) {
        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String taskId = "prod_web.instance-" + launches++ + "._app.1";
            backend.launch(new TaskLaunch(taskId, "/prod/web", "2025-01-01T00:00:00Z", 0.5, 128, 2, healthChecked));
            taskIds.add(taskId);
        }
        return taskIds;
    }

    private List<Task> liveTasksOf(String frameworkId) {
        return master.truth().getGetTasks().getTasksList().stream()
                .filter(task -> task.getFrameworkId().getValue().equals(frameworkId)).toList();
    }

    /** A task not yet started has no status, so no time of its own: its reports say when they were made. */
    private static TaskUpdate comparable(TaskUpdate update) {
        return !update.state().equals("TASK_STAGING") ? update : new TaskUpdate(update.taskId(), update.state(),
                update.agentId(), update.host(), update.ports(), update.healthy(), update.message(), update.reason(), Instant.EPOCH);
    }

    private static boolean ended(TaskUpdate update) {
        return TERMINAL.contains(update.state());
    }

    private static String marathonId(GetState state) {
        return state.getGetFrameworks().getFrameworksList().stream()
                .filter(framework -> framework.getFrameworkInfo().getName().equals("marathon"))
                .findFirst().orElseThrow().getFrameworkInfo().getId().getValue();
    }

    private static Optional<Task> task(GetState state, String taskId) {
        return Stream.of(state.getGetTasks().getTasksList(), state.getGetTasks().getUnreachableTasksList(),
                        state.getGetTasks().getCompletedTasksList()).flatMap(List::stream)
                .filter(task -> task.getTaskId().getValue().equals(taskId)).findFirst();
    }

    private static Optional<Agent> agent(GetState state, String agentId) {
        return state.getGetAgents().getAgentsList().stream()
                .filter(agent -> agent.getAgentInfo().getId().getValue().equals(agentId)).findFirst();
    }

    private static List<Integer> ports(Task task) {
        List<Integer> ports = new ArrayList<>();
        for (Resource resource : task.getResourcesList()) {
            if (resource.getName().equals("ports")) {
                for (Value.Range range : resource.getRanges().getRangeList()) {
                    for (long port = range.getBegin(); port <= range.getEnd(); port++) {
                        ports.add((int) port);
                    }
                }
            }
        }
        return ports;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: %s", what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Every update the backend reports, in order. */
    private static final class Recorder implements TaskListener {

        private final List<TaskUpdate> updates = new CopyOnWriteArrayList<>();

        @Override
        public void onUpdate(TaskUpdate update) {
            updates.add(update);
        }

        List<TaskUpdate> all() {
            return List.copyOf(updates);
        }

        List<TaskUpdate> of(String taskId) {
            return updates.stream().filter(update -> update.taskId().equals(taskId)).collect(Collectors.toList());
        }

        TaskUpdate last(String taskId) {
            List<TaskUpdate> of = of(taskId);
            return of.get(of.size() - 1);
        }

        /** Waits for an update of the task that satisfies {@code condition}; fails on timeout. */
        TaskUpdate await(String taskId, Predicate<TaskUpdate> condition) {
            return awaitAny(update -> update.taskId().equals(taskId) && condition.test(update));
        }

        TaskUpdate awaitAny(Predicate<TaskUpdate> condition) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Optional<TaskUpdate> found = updates.stream().filter(condition).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                assertThat(System.nanoTime()).as("waiting for an update").isLessThan(deadline);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted", e);
                }
            }
        }
    }
}
