package io.mesosevents.simulator.mesos;

import io.mesosevents.mesos.MesosEncoding;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code SUBSCRIBE} over real HTTP: the stream's shape, and that it adds up to the truth. */
class SubscribeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Set<Event.Type> LIVE_TYPES = EnumSet.of(Event.Type.TASK_ADDED, Event.Type.TASK_UPDATED,
            Event.Type.AGENT_ADDED, Event.Type.AGENT_REMOVED, Event.Type.FRAMEWORK_ADDED, Event.Type.FRAMEWORK_UPDATED,
            Event.Type.FRAMEWORK_REMOVED, Event.Type.HEARTBEAT);

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void theStreamIsSubscribedThenAHeartbeatThenEventsAndHeartbeats(MesosEncoding encoding) throws Exception {
        MesosSimulatorConfig config = MesosSimulatorConfig.defaults().withPort(0).withRate(200).withHeartbeatIntervalSeconds(0.3);
        try (MesosMasterSimulator master = MesosMasterSimulator.start(config);
             EventStream stream = new MasterClient(master.url()).subscribe(encoding)) {
            assertThat(stream.response().headers().firstValue("Content-Type")).hasValue(encoding.mediaType());
            assertThat(stream.response().headers().firstValue("Transfer-Encoding")).hasValue("chunked");

            Event subscribed = stream.next(WAIT);
            assertThat(subscribed.getType()).isEqualTo(Event.Type.SUBSCRIBED);
            assertThat(subscribed.getSubscribed().getHeartbeatIntervalSeconds()).isEqualTo(0.3);
            assertThat(subscribed.getSubscribed().getGetState().getGetTasks().getTasksCount()).isPositive();
            assertThat(stream.next(WAIT).getType()).isEqualTo(Event.Type.HEARTBEAT);

            List<Event.Type> types = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < deadline) {
                types.add(stream.next(WAIT).getType());
            }
            assertThat(types).isSubsetOf(LIVE_TYPES).contains(Event.Type.TASK_UPDATED);
            assertThat(types.stream().filter(type -> type == Event.Type.HEARTBEAT).count())
                    .as("heartbeats while events flow").isGreaterThanOrEqualTo(2);
        }
    }

    /**
     * On a master that makes no events, so that what the snapshot holds does not depend on when it
     * is taken: the agent the master starts with, known only from its registry, reregisters some 70
     * events in (0.4 s at 200 events/s); a live snapshot taken later has no recovered agent.
     */
    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void theSnapshotIsTheWholeStateWithSomethingInEveryList(MesosEncoding encoding) throws Exception {
        MesosSimulatorConfig config = MesosSimulatorConfig.defaults().withPort(0).withMaxEvents(0);
        try (MesosMasterSimulator master = MesosMasterSimulator.start(config);
             EventStream stream = new MasterClient(master.url()).subscribe(encoding)) {
            GetState state = stream.next(WAIT).getSubscribed().getGetState();

            assertThat(state).isEqualTo(master.truth());
            assertThat(state.getGetTasks().getTasksCount()).isPositive();
            assertThat(state.getGetTasks().getUnreachableTasksCount()).isPositive();
            assertThat(state.getGetTasks().getCompletedTasksCount()).isPositive();
            assertThat(state.getGetExecutors().getExecutorsCount()).isPositive();
            assertThat(state.getGetFrameworks().getCompletedFrameworksCount()).isPositive();
            assertThat(state.getGetAgents().getRecoveredAgentsCount()).isPositive();
        }
    }

    @Test
    void everySubscribersSnapshotPlusItsEventsIsTheTruth() throws Exception {
        MesosSimulatorConfig config = MesosSimulatorConfig.defaults().withPort(0).withSeed(7).withAgents(25).withTasks(400)
                .withRate(2_000).withMaxEvents(6_000).withHeartbeatIntervalSeconds(0.25)
                .withMaxCompletedTasksPerFramework(1_000_000);
        try (MesosMasterSimulator master = MesosMasterSimulator.start(config)) {
            MasterClient client = new MasterClient(master.url());
            List<EventStream> streams = new ArrayList<>();
            List<ClusterView> views = new ArrayList<>();
            try {
                for (long after : new long[]{0, 1_500, 3_000}) {
                    assertThat(master.awaitEventsEmitted(after, WAIT)).isTrue();
                    EventStream stream = client.subscribe(after == 1_500 ? MesosEncoding.PROTOBUF : MesosEncoding.JSON);
                    streams.add(stream);
                    views.add(ClusterView.of(stream.next(WAIT).getSubscribed().getGetState()));
                }
                assertThat(master.awaitEventsEmitted(6_000, Duration.ofSeconds(30))).isTrue();
                ClusterView truth = ClusterView.of(client.call(Call.Type.GET_STATE, MesosEncoding.PROTOBUF).getGetState());
                for (int i = 0; i < streams.size(); i++) {
                    streams.get(i).applyUntilQuiet(views.get(i), WAIT);
                    assertThat(views.get(i)).as("subscriber %d", i).isEqualTo(truth);
                }
                assertThat(ClusterView.of(master.truth())).isEqualTo(truth);
            } finally {
                for (EventStream stream : streams) {
                    stream.close();
                }
            }
        }
    }
}
