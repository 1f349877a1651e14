package io.mesosevents.simulator.mesos;

import io.mesosevents.mesos.MesosEncoding;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A master of 100,000 tasks on 5,000 agents serves its snapshot. Protobuf only: decoding 120 MB of
 * JSON in the test would take longer than serving it (see the JSON writer's tests for that path).
 */
class LargeSnapshotTest {

    private static final Logger LOG = LoggerFactory.getLogger(LargeSnapshotTest.class);

    private static MesosMasterSimulator master;

    @BeforeAll
    static void start() {
        master = MesosMasterSimulator.start(MesosSimulatorConfig.defaults().withPort(0).withAgents(5_000)
                .withTasks(100_000).withMaxEvents(0));
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    @Test
    void theWholeSnapshotArrives() throws Exception {
        MesosEncoding encoding = MesosEncoding.PROTOBUF;
        GetState truth = master.truth();
        long started = System.nanoTime();
        try (EventStream stream = new MasterClient(master.url()).subscribe(encoding)) {
            Event subscribed = stream.next(Duration.ofSeconds(60));
            long millis = (System.nanoTime() - started) / 1_000_000;

            GetState state = subscribed.getSubscribed().getGetState();
            int tasks = state.getGetTasks().getTasksCount() + state.getGetTasks().getUnreachableTasksCount();
            LOG.info("{} snapshot of {} live and {} completed tasks on {} agents ({} bytes) served and decoded in {} ms",
                    encoding, tasks, state.getGetTasks().getCompletedTasksCount(), state.getGetAgents().getAgentsCount(),
                    subscribed.getSerializedSize(), millis);
            assertThat(tasks).isGreaterThan(95_000);
            assertThat(tasks + state.getGetTasks().getCompletedTasksCount()).isGreaterThan(100_000);
            assertThat(state.getGetAgents().getAgentsCount() + state.getGetAgents().getRecoveredAgentsCount())
                    .isGreaterThan(4_800);
            assertThat(state).isEqualTo(truth);
            assertThat(stream.next(Duration.ofSeconds(10)).getType()).isEqualTo(Event.Type.HEARTBEAT);
        }
    }
}
