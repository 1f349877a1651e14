package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An external scheduler driving the model's Marathon, on the model itself: calls at fixed points of
 * a seeded sequence, so every run sees the same events.
 */
class ExternalSchedulerTest {

    private static final String MARATHON = "marathon";
    /** Retention high enough that nothing is forgotten, so views compare exactly. */
    private static final MesosSimulatorConfig CONFIG = MesosSimulatorConfig.defaults().withSeed(7).withAgents(30)
            .withFrameworks(4).withTasks(300).withMaxCompletedTasksPerFramework(1_000_000).withMaxCompletedFrameworks(1_000);

    private final ClusterSimulation simulation = new ClusterSimulation(CONFIG);
    private int launches;

    @Test
    void takingOverKillsMarathonsTasksAndTheModelLaunchesNoMoreForIt() {
        steps(500);
        drainBurst();
        String marathonId = frameworkId(MARATHON);
        Set<String> active = ids(simulation.state().getGetTasks().getTasksList(), marathonId);
        assertThat(active).hasSizeGreaterThan(50);

        Changed<String> takeover = simulation.takeOver(MARATHON);

        assertThat(takeover.answer()).isEqualTo(marathonId);
        assertThat(takeover.events()).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(Event.Type.FRAMEWORK_UPDATED);
            assertThat(event.getFrameworkUpdated().getFramework().getActive()).isTrue();
            assertThat(event.getFrameworkUpdated().getFramework().getConnected()).isTrue();
        });
        // The kills are a burst: every event until it is over kills one of them.
        Map<String, List<TaskState>> killed = new HashMap<>();
        while (simulation.queuedFollowUps() > 0) {
            Event event = simulation.next();
            assertThat(event.getType()).isEqualTo(Event.Type.TASK_UPDATED);
            String taskId = event.getTaskUpdated().getStatus().getTaskId().getValue();
            assertThat(active).contains(taskId);
            killed.computeIfAbsent(taskId, id -> new ArrayList<>()).add(event.getTaskUpdated().getState());
        }
        assertThat(killed.keySet()).isEqualTo(active);
        assertThat(killed.values()).allSatisfy(states -> assertThat(states.get(states.size() - 1)).isIn(
                TaskState.TASK_KILLED, TaskState.TASK_FAILED, TaskState.TASK_FINISHED));
        assertThat(killed.values()).filteredOn(states -> states.equals(List.of(TaskState.TASK_KILLING, TaskState.TASK_KILLED)))
                .hasSizeGreaterThan(active.size() * 9 / 10);

        // A Marathon task added from now on is one whose agent was away at the takeover; it is killed at once.
        Set<String> readded = new HashSet<>();
        Set<String> backNotYetKilled = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            Event event = simulation.next();
            if (event.getType() == Event.Type.TASK_ADDED && event.getTaskAdded().getTask().getFrameworkId().getValue().equals(marathonId)) {
                readded.add(id(event.getTaskAdded().getTask()));
                backNotYetKilled.add(id(event.getTaskAdded().getTask()));
            }
            if (event.getType() == Event.Type.TASK_UPDATED
                    && backNotYetKilled.remove(event.getTaskUpdated().getStatus().getTaskId().getValue())) {
                // KILLED straight away when the model was killing it already; FAILED when its agent had failed it.
                assertThat(event.getTaskUpdated().getState()).as("the next update after coming back")
                        .isIn(TaskState.TASK_KILLING, TaskState.TASK_KILLED, TaskState.TASK_FAILED);
            }
        }
        assertThat(readded).as("Marathon tasks whose agent came back").isNotEmpty();
        assertThat(backNotYetKilled).isEmpty();
        assertThat(ids(simulation.state().getGetTasks().getTasksList(), marathonId)).as("Marathon's live tasks").isEmpty();
        assertThat(simulation.state().getGetTasks().getCompletedTasksList()).filteredOn(task -> readded.contains(id(task)))
                .hasSize(readded.size()).extracting(Task::getState).containsOnly(TaskState.TASK_KILLED);
    }

    @Test
    void aLaunchedTaskIsPlacedWithFreePortsAndRunsThroughTheLifecycle() {
        takeOverAfter(300);
        LaunchRequest request = new LaunchRequest("prod_web.instance-1._app.1", "/prod/web", "2025-01-01T00:00:00Z",
                0.5, 256, 3, true);

        Changed<LaunchedTask> launch = simulation.launch(MARATHON, request);

        LaunchedTask launched = launch.answer();
        Task added = launch.events().get(0).getTaskAdded().getTask();
        assertThat(added.getTaskId().getValue()).isEqualTo(request.taskId());
        assertThat(added.getState()).isEqualTo(TaskState.TASK_STAGING);
        assertThat(added.getName()).isEqualTo("web.prod");
        assertThat(added.getLabels().getLabelsList()).extracting(Label::getKey, Label::getValue).containsExactly(
                tuple("MARATHON_APP_ID", "/prod/web"), tuple("MARATHON_APP_VERSION", "2025-01-01T00:00:00Z"));
        assertThat(added.hasHealthCheck()).isTrue();
        assertThat(added.getDiscovery().getPorts().getPortsList()).extracting(port -> port.getNumber()).isEqualTo(launched.ports());
        assertThat(ports(added)).isEqualTo(launched.ports()).hasSize(3).allSatisfy(port -> assertThat(port).isBetween(31_000, 32_000));
        GetState state = simulation.state();
        assertThat(state.getGetAgents().getAgentsList()).anySatisfy(agent -> {
            assertThat(agent.getAgentInfo().getId().getValue()).isEqualTo(launched.agentId());
            assertThat(agent.getAgentInfo().getHostname()).isEqualTo(launched.host());
        });
        assertThat(state.getGetTasks().getTasksList()).filteredOn(task -> task.getAgentId().getValue().equals(launched.agentId()))
                .filteredOn(task -> !task.getTaskId().equals(added.getTaskId()))
                .allSatisfy(other -> assertThat(ports(other)).doesNotContainAnyElementsOf(launched.ports()));

        List<TaskState> states = statesUntilSettled(request.taskId());
        assertThat(states).as("STAGING, maybe STARTING, then RUNNING").isIn(
                List.of(TaskState.TASK_STARTING, TaskState.TASK_RUNNING), List.of(TaskState.TASK_RUNNING));
    }

    @Test
    void runningTasksFlapAndFailButAreNeverKilledUnasked() {
        takeOverAfter(300);
        Set<String> checked = new HashSet<>();
        Set<String> unchecked = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            LaunchedTask launched = launch(i % 2 == 0, 1).answer();
            (i % 2 == 0 ? checked : unchecked).add(launched.taskId());
        }
        int healthChanges = 0;
        Set<TaskState> ends = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            Event event = simulation.next();
            if (event.getType() != Event.Type.TASK_UPDATED) {
                continue;
            }
            TaskStatus status = event.getTaskUpdated().getStatus();
            String taskId = status.getTaskId().getValue();
            if (!checked.contains(taskId) && !unchecked.contains(taskId)) {
                continue;
            }
            assertThat(event.getTaskUpdated().getState()).as("nobody asked for a kill").isNotIn(TaskState.TASK_KILLING,
                    TaskState.TASK_KILLED);
            if (status.getReason() == TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED) {
                assertThat(checked).contains(taskId);
                assertThat(status.hasHealthy()).isTrue();
                assertThat(event.getTaskUpdated().getState()).isEqualTo(TaskState.TASK_RUNNING);
                healthChanges++;
            } else {
                assertThat(status.hasHealthy()).isFalse();
            }
            if (TaskLifecycle.isTerminal(event.getTaskUpdated().getState())) {
                ends.add(event.getTaskUpdated().getState());
            }
        }
        assertThat(healthChanges).isGreaterThan(10);
        assertThat(ends).contains(TaskState.TASK_FAILED);
    }

    @Test
    void aKillGoesKillingThenKilledAndAskingAgainChangesNothing() {
        takeOverAfter(300);
        String taskId = launch(false, 1).answer().taskId();
        statesUntilSettled(taskId);

        Changed<KillOutcome> kill = simulation.kill(MARATHON, taskId);

        assertThat(kill.answer()).isEqualTo(new KillOutcome(taskId, "TASK_KILLING"));
        assertThat(kill.events()).singleElement().satisfies(event ->
                assertThat(event.getTaskUpdated().getState()).isEqualTo(TaskState.TASK_KILLING));
        Changed<KillOutcome> again = simulation.kill(MARATHON, taskId);
        assertThat(again.answer().state()).isEqualTo("TASK_KILLING");
        assertThat(again.events()).isEmpty();
        Event next = simulation.next();
        assertThat(next.getTaskUpdated().getStatus().getTaskId().getValue()).isEqualTo(taskId);
        assertThat(next.getTaskUpdated().getState()).isEqualTo(TaskState.TASK_KILLED);
        assertThatThrownBy(() -> simulation.kill(MARATHON, taskId)).isInstanceOfSatisfying(SchedulerCallRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(SchedulerCallRefused.Reason.UNKNOWN_TASK));
    }

    @Test
    void anAgentLeavingTakesTheTasksOnItAlongAndAKillWaitsForItsReturn() {
        takeOverAfter(300);
        Map<String, TaskState> ours = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            ours.put(launch(false, 1).answer().taskId(), TaskState.TASK_STAGING);
        }
        Set<String> killedWhileAway = new HashSet<>();
        Map<String, List<TaskState>> afterReturn = new HashMap<>();
        int unreachable = 0;
        for (int i = 0; i < 20_000; i++) {
            Event event = simulation.next();
            if (event.getType() == Event.Type.TASK_ADDED && killedWhileAway.contains(id(event.getTaskAdded().getTask()))) {
                afterReturn.put(id(event.getTaskAdded().getTask()), new ArrayList<>());
            }
            if (event.getType() != Event.Type.TASK_UPDATED) {
                continue;
            }
            String taskId = event.getTaskUpdated().getStatus().getTaskId().getValue();
            if (!ours.containsKey(taskId)) {
                continue;
            }
            TaskState state = event.getTaskUpdated().getState();
            ours.put(taskId, state);
            if (afterReturn.containsKey(taskId)) {
                afterReturn.get(taskId).add(state);
            }
            if (state == TaskState.TASK_UNREACHABLE) {
                assertThat(event.getTaskUpdated().getStatus().getReason()).isEqualTo(TaskStatus.Reason.REASON_AGENT_REMOVED);
                unreachable++;
                Changed<KillOutcome> kill = simulation.kill(MARATHON, taskId);
                assertThat(kill.answer().state()).isEqualTo("TASK_UNREACHABLE");
                assertThat(kill.events()).as("no update while the agent is away").isEmpty();
                killedWhileAway.add(taskId);
            }
        }
        assertThat(unreachable).isPositive();
        assertThat(afterReturn).as("killed tasks whose agent came back").isNotEmpty();
        // A task whose agent had already failed it when it went away reports that failure instead.
        assertThat(afterReturn.values()).allSatisfy(states -> assertThat(states).isIn(
                List.of(TaskState.TASK_KILLING, TaskState.TASK_KILLED), List.of(TaskState.TASK_FAILED)));
        assertThat(killedWhileAway).as("the ends of tasks killed while away").allSatisfy(taskId -> assertThat(ours.get(taskId))
                .isIn(TaskState.TASK_KILLED, TaskState.TASK_FAILED, TaskState.TASK_GONE, TaskState.TASK_GONE_BY_OPERATOR,
                        TaskState.TASK_UNREACHABLE));
    }

    @Test
    void aSnapshotPlusTheEventsIsTheTruthWhateverTheSchedulerDoes() {
        ClusterView view = ClusterView.of(simulation.state());
        List<String> launched = new ArrayList<>();
        for (int i = 1; i <= 20_000; i++) {
            view.apply(simulation.next());
            List<Changed<?>> calls = new ArrayList<>();
            if (i == 1_000 || i == 12_000) {
                calls.add(simulation.takeOver(MARATHON));
            }
            if (i > 1_000 && i % 50 == 0) {
                Changed<LaunchedTask> launch = launch(i % 100 == 0, i % 3);
                launched.add(launch.answer().taskId());
                calls.add(launch);
            }
            if (i > 1_000 && i % 70 == 0) {
                calls.add(killSomeLive(launched));
            }
            for (Changed<?> call : calls) {
                call.events().forEach(view::apply);
            }
            if (i == 8_000) {
                simulation.failover();
                view = ClusterView.of(simulation.state());
            }
            if (i % 1_000 == 0) {
                assertThat(view).as("after %d events", i).isEqualTo(ClusterView.of(simulation.state()));
            }
        }
    }

    @Test
    void takingOverAgainKillsTheTasksTheFirstSchedulerLaunched() {
        takeOverAfter(300);
        String first = launch(false, 0).answer().taskId();

        simulation.takeOver(MARATHON);
        drainBurst();

        assertThat(state(first)).isIn(TaskState.TASK_KILLED, TaskState.TASK_UNREACHABLE);
        assertThatThrownBy(() -> simulation.kill(MARATHON, first)).isInstanceOf(SchedulerCallRefused.class);
    }

    @Test
    void refusedCallsChangeNothing() {
        steps(300);
        GetState before = simulation.state();
        long emitted = simulation.emitted();

        assertRefused(() -> simulation.takeOver("spark"), SchedulerCallRefused.Reason.UNKNOWN_FRAMEWORK);
        assertRefused(() -> simulation.launch(MARATHON, request("a", 1)), SchedulerCallRefused.Reason.NOT_TAKEN_OVER);
        assertRefused(() -> simulation.kill(MARATHON, "a"), SchedulerCallRefused.Reason.NOT_TAKEN_OVER);
        assertThat(simulation.state()).isEqualTo(before);
        assertThat(simulation.emitted()).isEqualTo(emitted);

        simulation.takeOver(MARATHON);
        drainBurst();
        GetState taken = simulation.state();
        String modelTask = taken.getGetTasks().getTasksList().get(0).getTaskId().getValue();
        assertRefused(() -> simulation.launch(MARATHON, request(modelTask, 1)), SchedulerCallRefused.Reason.DUPLICATE_TASK);
        assertRefused(() -> simulation.launch(MARATHON, request("huge", 2_000)), SchedulerCallRefused.Reason.NO_RESOURCES);
        assertRefused(() -> simulation.kill(MARATHON, modelTask), SchedulerCallRefused.Reason.UNKNOWN_TASK);
        assertRefused(() -> simulation.kill(MARATHON, "nobody"), SchedulerCallRefused.Reason.UNKNOWN_TASK);
        assertThat(simulation.state()).isEqualTo(taken);
    }

    private void assertRefused(Runnable call, SchedulerCallRefused.Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SchedulerCallRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    private void takeOverAfter(int events) {
        steps(events);
        simulation.takeOver(MARATHON);
        drainBurst();
    }

    private Changed<LaunchedTask> launch(boolean healthChecked, int ports) {
        LaunchRequest request = new LaunchRequest("test_app.instance-" + launches++ + "._app.1", "/test/app",
                "2025-01-01T00:00:00Z", 0.1, 64, ports, healthChecked);
        return simulation.launch(MARATHON, request);
    }

    private static LaunchRequest request(String taskId, int ports) {
        return new LaunchRequest(taskId, "/test/app", "2025-01-01T00:00:00Z", 0.1, 64, ports, false);
    }

    /** Kills the first launched task still live, if any; nothing when none is. */
    private Changed<?> killSomeLive(List<String> launched) {
        for (String taskId : launched) {
            try {
                return simulation.kill(MARATHON, taskId);
            } catch (SchedulerCallRefused ended) {
                // Ended already; try the next.
            }
        }
        return new Changed<>(null, List.of());
    }

    /** The task's states from its launch until it is RUNNING or has ended, not counting STAGING. */
    private List<TaskState> statesUntilSettled(String taskId) {
        List<TaskState> states = new ArrayList<>();
        while (states.isEmpty() || (states.get(states.size() - 1) != TaskState.TASK_RUNNING
                && !TaskLifecycle.isTerminal(states.get(states.size() - 1)))) {
            Event event = simulation.next();
            if (event.getType() == Event.Type.TASK_UPDATED && event.getTaskUpdated().getStatus().getTaskId().getValue().equals(taskId)) {
                states.add(event.getTaskUpdated().getState());
            }
        }
        return states;
    }

    private void steps(int count) {
        for (int i = 0; i < count; i++) {
            simulation.next();
        }
    }

    private void drainBurst() {
        while (simulation.queuedFollowUps() > 0) {
            simulation.next();
        }
    }

    private String frameworkId(String name) {
        return simulation.state().getGetFrameworks().getFrameworksList().stream()
                .filter(framework -> framework.getFrameworkInfo().getName().equals(name))
                .findFirst().orElseThrow().getFrameworkInfo().getId().getValue();
    }

    private TaskState state(String taskId) {
        GetState state = simulation.state();
        return Stream.of(state.getGetTasks().getTasksList(), state.getGetTasks().getUnreachableTasksList(),
                        state.getGetTasks().getCompletedTasksList()).flatMap(List::stream)
                .filter(task -> id(task).equals(taskId)).findFirst().orElseThrow().getState();
    }

    private static Set<String> ids(List<Task> tasks, String frameworkId) {
        Set<String> ids = new HashSet<>();
        tasks.stream().filter(task -> task.getFrameworkId().getValue().equals(frameworkId)).forEach(task -> ids.add(id(task)));
        return ids;
    }

    private static String id(Task task) {
        return task.getTaskId().getValue();
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
}
