package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSimulationTest {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSimulationTest.class);

    /** Retention high enough that nothing is forgotten, so views compare exactly. */
    private static final MesosSimulatorConfig CONFIG = MesosSimulatorConfig.defaults().withSeed(42).withAgents(30)
            .withFrameworks(4).withTasks(300).withMaxCompletedTasksPerFramework(1_000_000).withMaxCompletedFrameworks(1_000);

    @Test
    void theSameSeedMakesTheSameEvents() {
        ClusterSimulation first = new ClusterSimulation(CONFIG);
        ClusterSimulation second = new ClusterSimulation(CONFIG);
        assertThat(second.state()).isEqualTo(first.state());
        for (int i = 0; i < 5_000; i++) {
            assertThat(second.next().toByteArray()).as("event %d", i).isEqualTo(first.next().toByteArray());
        }
        assertThat(second.state()).isEqualTo(first.state());
        assertThat(second.masterId()).isEqualTo(first.masterId());
    }

    @Test
    void anotherSeedMakesAnotherCluster() {
        ClusterSimulation first = new ClusterSimulation(CONFIG);
        ClusterSimulation other = new ClusterSimulation(CONFIG.withSeed(43));
        assertThat(other.masterId()).isNotEqualTo(first.masterId());
        assertThat(other.next()).isNotEqualTo(first.next());
    }

    @Test
    void theFirstSnapshotHasSomethingInEveryList() {
        GetState state = new ClusterSimulation(CONFIG).state();
        assertThat(state.getGetTasks().getTasksCount()).isBetween(250, 300);
        assertThat(state.getGetTasks().getUnreachableTasksCount()).isPositive();
        assertThat(state.getGetTasks().getCompletedTasksCount()).isPositive();
        assertThat(state.getGetExecutors().getExecutorsCount()).isPositive();
        assertThat(state.getGetFrameworks().getFrameworksList()).extracting(f -> f.getFrameworkInfo().getName())
                .containsExactly("marathon", "metronome", "spark", "kafka");
        assertThat(state.getGetFrameworks().getCompletedFrameworksCount()).isEqualTo(1);
        assertThat(state.getGetAgents().getRecoveredAgentsCount()).isPositive();
        assertThat(state.getGetAgents().getAgentsCount() + state.getGetAgents().getRecoveredAgentsCount()).isLessThan(30);
        assertThat(state.getGetTasks().getTasksList()).allSatisfy(task -> assertThat(task.getState()).isEqualTo(TaskState.TASK_RUNNING));
    }

    @Test
    void aSnapshotPlusTheEventsAfterItIsTheTruthAtEveryPoint() {
        ClusterSimulation simulation = new ClusterSimulation(CONFIG);
        ClusterView fromStart = ClusterView.of(simulation.state());
        ClusterView fromMiddle = null;
        for (int i = 1; i <= 20_000; i++) {
            Event event = simulation.next();
            fromStart.apply(event);
            if (fromMiddle != null) {
                fromMiddle.apply(event);
            }
            if (i % 1_000 == 0) {
                ClusterView truth = ClusterView.of(simulation.state());
                assertThat(fromStart).as("after %d events", i).isEqualTo(truth);
                if (fromMiddle != null) {
                    assertThat(fromMiddle).as("after %d events", i).isEqualTo(truth);
                }
            }
            if (i == 7_777) {
                fromMiddle = ClusterView.of(simulation.state());
            }
        }
    }

    @Test
    void afterAFailoverTheTruthStillFollowsFromTheEvents() {
        ClusterSimulation simulation = new ClusterSimulation(CONFIG);
        for (int i = 0; i < 2_000; i++) {
            simulation.next();
        }
        String before = simulation.masterId();
        simulation.failover();
        // A subscriber after the failover starts from a fresh snapshot.
        GetState snapshot = simulation.state();
        assertThat(snapshot.getGetAgents().getRecoveredAgentsCount()).isPositive();
        ClusterView view = ClusterView.of(snapshot);
        Set<String> known = view.tasks.keySet().stream().collect(java.util.stream.Collectors.toSet());
        int reAdded = 0;
        for (int i = 0; i < 5_000; i++) {
            Event event = simulation.next();
            view.apply(event);
            if (event.getType() == Event.Type.TASK_ADDED && !known.contains(event.getTaskAdded().getTask().getTaskId().getValue())
                    && event.getTaskAdded().getTask().getState() != TaskState.TASK_STAGING) {
                reAdded++;
            }
        }
        assertThat(simulation.masterId()).isNotEqualTo(before);
        assertThat(reAdded).as("tasks of reregistering agents announced with TASK_ADDED").isPositive();
        assertThat(view).isEqualTo(ClusterView.of(simulation.state()));
    }

    @Test
    void aFailoverInTheMiddleOfABurstCompletesItAndRecoversAgentsAtOnce() {
        int midBurst = 0;
        for (int failoverAt = 0; failoverAt <= 3_000; failoverAt += 20) {
            ClusterSimulation simulation = new ClusterSimulation(CONFIG);
            for (int i = 0; i < failoverAt; i++) {
                simulation.next();
            }
            if (simulation.queuedFollowUps() > 0) {
                midBurst++;
            }
            simulation.failover();

            GetState snapshot = simulation.state();
            assertThat(simulation.queuedFollowUps()).as("failover after %d events", failoverAt).isZero();
            assertThat(snapshot.getGetAgents().getRecoveredAgentsCount()).as("failover after %d events", failoverAt)
                    .isPositive();
            ClusterView view = ClusterView.of(snapshot);
            for (int i = 0; i < 300; i++) {
                view.apply(simulation.next());
            }
            assertThat(view).as("failover after %d events", failoverAt).isEqualTo(ClusterView.of(simulation.state()));
        }
        assertThat(midBurst).as("failovers that came in the middle of a burst").isPositive();
    }

    @Test
    void theEventsWalkEveryPathOfTheLifecycle() {
        ClusterSimulation simulation = new ClusterSimulation(CONFIG);
        Map<Event.Type, Integer> types = new EnumMap<>(Event.Type.class);
        Set<TaskState> states = EnumSet.noneOf(TaskState.class);
        Map<String, TaskState> lastState = new HashMap<>();
        simulation.state().getGetTasks().getTasksList().forEach(task -> lastState.put(task.getTaskId().getValue(), task.getState()));
        int lagging = 0;
        int healthChanges = 0;
        int skippedStarting = 0;
        for (int i = 0; i < 30_000; i++) {
            Event event = simulation.next();
            types.merge(event.getType(), 1, Integer::sum);
            if (event.getType() == Event.Type.TASK_ADDED) {
                lastState.put(event.getTaskAdded().getTask().getTaskId().getValue(), event.getTaskAdded().getTask().getState());
            }
            if (event.getType() != Event.Type.TASK_UPDATED) {
                continue;
            }
            Event.TaskUpdated update = event.getTaskUpdated();
            TaskStatus status = update.getStatus();
            states.add(update.getState());
            if (update.getState() != status.getState()) {
                lagging++;
            }
            if (status.getReason() == TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED) {
                assertThat(status.hasHealthy()).isTrue();
                assertThat(update.getState()).isEqualTo(TaskState.TASK_RUNNING);
                healthChanges++;
            }
            TaskState previous = lastState.put(status.getTaskId().getValue(), update.getState());
            if (previous == TaskState.TASK_STAGING && update.getState() == TaskState.TASK_RUNNING) {
                skippedStarting++;
            }
        }
        LOG.info("Event mix over 30,000 events: {}; lagging updates {}, health changes {}, STARTING skipped {}",
                types, lagging, healthChanges, skippedStarting);
        assertThat(types.keySet()).contains(Event.Type.TASK_ADDED, Event.Type.TASK_UPDATED, Event.Type.AGENT_ADDED,
                Event.Type.AGENT_REMOVED, Event.Type.FRAMEWORK_ADDED, Event.Type.FRAMEWORK_UPDATED, Event.Type.FRAMEWORK_REMOVED);
        assertThat(states).contains(TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_KILLING,
                TaskState.TASK_KILLED, TaskState.TASK_FINISHED, TaskState.TASK_FAILED, TaskState.TASK_ERROR,
                TaskState.TASK_LOST, TaskState.TASK_DROPPED, TaskState.TASK_UNREACHABLE, TaskState.TASK_GONE,
                TaskState.TASK_GONE_BY_OPERATOR);
        assertThat(lagging).isPositive();
        assertThat(healthChanges).isPositive();
        assertThat(skippedStarting).isPositive();
    }

    @Test
    void thePopulationStaysNearTheTarget() {
        ClusterSimulation simulation = new ClusterSimulation(CONFIG);
        for (int i = 0; i < 20_000; i++) {
            simulation.next();
        }
        assertThat(simulation.liveTasks()).isBetween(200, 400);
        assertThat(simulation.registeredFrameworks()).isBetween(2, 4);
        assertThat(simulation.activeAgents()).isBetween(20, 30);
    }

    @Test
    void completedTasksAndFrameworksAreForgottenBeyondTheLimits() {
        ClusterSimulation simulation = new ClusterSimulation(CONFIG.withMaxCompletedTasksPerFramework(10).withMaxCompletedFrameworks(2));
        for (int i = 0; i < 20_000; i++) {
            simulation.next();
        }
        GetState state = simulation.state();
        int frameworks = state.getGetFrameworks().getFrameworksCount() + state.getGetFrameworks().getCompletedFrameworksCount();
        assertThat(state.getGetFrameworks().getCompletedFrameworksCount()).isLessThanOrEqualTo(2);
        assertThat(state.getGetTasks().getCompletedTasksCount()).isLessThanOrEqualTo(10 * frameworks);
    }
}
