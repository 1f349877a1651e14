package io.mesosevents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.TaskView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaskViewFoldTest {

    @BeforeAll
    static void trustModel() {
        AvroClassTrust.install();
    }

    @Test
    void theMastersLatestStateWinsOverTheAcknowledgedStatus() {
        MesosTaskEvent event = MesosTaskEvent.newBuilder(TaskEvents.updated("eu1", "t1", TaskState.TASK_RUNNING, 5))
                .setState(TaskState.TASK_KILLING).build();

        assertThat(TaskViewFold.apply(null, event).getState()).isEqualTo(TaskState.TASK_KILLING);
    }

    @Test
    void theStatusStateIsUsedWhenTheEventKnowsNoState() {
        MesosTaskEvent event = MesosTaskEvent.newBuilder(TaskEvents.updated("eu1", "t1", TaskState.TASK_RUNNING, 5))
                .setState(TaskState.TASK_UNKNOWN).build();

        assertThat(TaskViewFold.apply(null, event).getState()).isEqualTo(TaskState.TASK_RUNNING);
    }

    @Test
    void anEventWithoutAnyStateKeepsTheKnownOne() {
        TaskView running = TaskViewFold.apply(null, TaskEvents.updated("eu1", "t1", TaskState.TASK_RUNNING, 5));
        MesosTaskEvent stateless = MesosTaskEvent.newBuilder(TaskEvents.added("eu1", "t1", 6))
                .setState(TaskState.TASK_UNKNOWN).build();

        assertThat(TaskViewFold.apply(running, stateless).getState()).isEqualTo(TaskState.TASK_RUNNING);
    }

    @Test
    void startedAndFinishedKeepTheFirstTime() {
        TaskView row = TaskViewFold.apply(null, TaskEvents.updated("eu1", "t1", TaskState.TASK_RUNNING, 5));
        row = TaskViewFold.apply(row, TaskEvents.updated("eu1", "t1", TaskState.TASK_RUNNING, 9));
        row = TaskViewFold.apply(row, TaskEvents.updated("eu1", "t1", TaskState.TASK_FAILED, 20));
        row = TaskViewFold.apply(row, TaskEvents.updated("eu1", "t1", TaskState.TASK_FAILED, 30));

        assertThat(row.getStarted()).isEqualTo(TaskEvents.T0.plusSeconds(5));
        assertThat(row.getFinished()).isEqualTo(TaskEvents.T0.plusSeconds(20));
    }
}
