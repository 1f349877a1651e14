package io.mesosevents.simulator.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.mesos.MesosEncoding;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response.GetState;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Failover between the masters of one simulated cluster, over real HTTP. */
class FailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void afterAFailoverTheOldLeaderRedirectsAndTheNewLeadersSnapshotPlusItsEventsIsTheTruth() throws Exception {
        MesosSimulatorConfig config = MesosSimulatorConfig.defaults().withPort(0).withSeed(11).withAgents(25).withTasks(400)
                .withRate(2_000).withMaxEvents(6_000).withHeartbeatIntervalSeconds(0.25)
                .withMaxCompletedTasksPerFramework(1_000_000);
        try (SimulatedMesosCluster cluster = MesosMasterSimulator.startCluster(config, 2)) {
            MasterClient first = new MasterClient(cluster.master(0).url());
            MasterClient second = new MasterClient(cluster.master(1).url());
            assertThat(cluster.master(0).port()).isNotEqualTo(cluster.master(1).port());
            assertThat(cluster.leaderIndex()).hasValue(0);
            assertRedirects(second, cluster.master(0));
            String oldMasterId = masterIdServedBy(first);
            assertThat(oldMasterId).isEqualTo(cluster.masterId());

            try (EventStream oldStream = first.subscribe(MesosEncoding.JSON)) {
                assertThat(oldStream.next(WAIT).getType()).isEqualTo(Event.Type.SUBSCRIBED);
                assertThat(cluster.awaitEventsEmitted(1_500, WAIT)).isTrue();

                cluster.failover(1);

                assertThat(oldStream.awaitEnd(WAIT).error()).as("the old leader's stream breaks").isNotNull();
            }
            assertThat(cluster.leaderIndex()).hasValue(1);
            assertRedirects(first, cluster.master(1));
            try (EventStream stream = second.subscribe(MesosEncoding.PROTOBUF)) {
                Event subscribed = stream.next(WAIT);
                assertThat(subscribed.getType()).isEqualTo(Event.Type.SUBSCRIBED);
                String newMasterId = masterIdServedBy(second);
                assertThat(newMasterId).isNotEqualTo(oldMasterId).isEqualTo(cluster.masterId());
                ClusterView view = ClusterView.of(subscribed.getSubscribed().getGetState());

                assertThat(cluster.awaitEventsEmitted(6_000, Duration.ofSeconds(30))).isTrue();
                stream.applyUntilQuiet(view, WAIT);

                assertThat(view).isEqualTo(ClusterView.of(cluster.truth()));
                assertThat(view).isEqualTo(ClusterView.of(second.call(Call.Type.GET_STATE, MesosEncoding.PROTOBUF).getGetState()));
            }
        }
    }

    @Test
    void theNewLeadersSnapshotIsTheSameClusterAsItStandsAtTheFailover() throws Exception {
        MesosSimulatorConfig config = MesosSimulatorConfig.defaults().withPort(0).withSeed(12).withRate(10_000)
                .withMaxEvents(1_000).withHeartbeatIntervalSeconds(0.25);
        try (SimulatedMesosCluster cluster = MesosMasterSimulator.startCluster(config, 3)) {
            assertThat(cluster.awaitEventsEmitted(1_000, WAIT)).isTrue();
            GetState before = cluster.truth();
            String oldMasterId = cluster.masterId();

            cluster.failover(2);

            assertRedirects(new MasterClient(cluster.master(0).url()), cluster.master(2));
            assertRedirects(new MasterClient(cluster.master(1).url()), cluster.master(2));
            try (EventStream stream = new MasterClient(cluster.master(2).url()).subscribe(MesosEncoding.JSON)) {
                GetState snapshot = stream.next(WAIT).getSubscribed().getGetState();
                // The model made all its events before the failover: the truth stands still.
                assertThat(snapshot).isEqualTo(cluster.truth());
                assertThat(masterIdServedBy(new MasterClient(cluster.master(2).url())))
                        .isNotEqualTo(oldMasterId).isEqualTo(cluster.masterId());
                assertThat(allAgents(ClusterView.of(snapshot))).isEqualTo(allAgents(ClusterView.of(before)));
                assertThat(ClusterView.of(snapshot).frameworks).isEqualTo(ClusterView.of(before).frameworks);
            }
        }
    }

    @Test
    void theControlEndpointOfAnyMasterFailsOverAndEveryMasterReportsWhoLeads() throws Exception {
        try (SimulatedMesosCluster cluster = MesosMasterSimulator.startCluster(MesosSimulatorConfig.defaults().withPort(0), 2)) {
            MasterClient first = new MasterClient(cluster.master(0).url());
            MasterClient second = new MasterClient(cluster.master(1).url());
            JsonNode standby = status(second);
            assertThat(standby.get("index").asInt()).isEqualTo(1);
            assertThat(standby.get("leadership").asText()).isEqualTo("FOLLOWING");
            assertThat(standby.get("leader").asText()).isEqualTo(hostPort(cluster.master(0)));
            assertThat(standby.get("leaderIndex").asInt()).isZero();
            assertThat(MAPPER.convertValue(standby.get("masters"), String[].class))
                    .containsExactly(cluster.master(0).url(), cluster.master(1).url());
            String oldMasterId = standby.get("masterId").asText();

            JsonNode afterFailover = faults(first, "{\"action\": \"failover\", \"leader\": 1}", 200);
            assertThat(afterFailover.get("leadership").asText()).isEqualTo("FOLLOWING");
            assertThat(afterFailover.get("leader").asText()).isEqualTo(hostPort(cluster.master(1)));
            assertThat(afterFailover.get("leaderIndex").asInt()).isEqualTo(1);
            assertThat(afterFailover.get("failovers").asInt()).isEqualTo(1);
            JsonNode leader = status(second);
            assertThat(leader.get("leadership").asText()).isEqualTo("LEADING");
            assertThat(leader.get("masterId").asText()).isNotEqualTo(oldMasterId).isEqualTo(cluster.masterId());
            assertThat(second.call(Call.Type.GET_MASTER, MesosEncoding.JSON).getGetMaster().getMasterInfo().getPort())
                    .isEqualTo(cluster.master(1).port());

            assertThat(faults(second, "{\"action\": \"failover\"}", 200).get("leaderIndex").asInt())
                    .as("the next master in turn").isZero();
            assertThat(cluster.leaderIndex()).hasValue(0);

            JsonNode noLeader = faults(second, "{\"leadership\": \"no-leader\"}", 200);
            assertThat(noLeader.get("leaderIndex").isNull()).isTrue();
            assertThat(cluster.leaderIndex()).isEmpty();
            assertThat(first.send("POST", OperatorApi.PATH, null, null, null).statusCode()).isEqualTo(503);
            assertThat(second.send("POST", OperatorApi.PATH, null, null, null).statusCode()).isEqualTo(503);
            String masterId = cluster.masterId();
            assertThat(faults(second, "{\"leadership\": \"leading\"}", 200).get("leaderIndex").asInt())
                    .as("the last elected leads again").isZero();
            assertThat(cluster.masterId()).isEqualTo(masterId);

            assertThat(faults(first, "{\"action\": \"failover\", \"leader\": 2}", 400).get("error").asText()).contains("2");
            faults(first, "{\"action\": \"failover\", \"leader\": -1}", 400);
            faults(first, "{\"action\": \"failover\", \"leader\": \"1\"}", 400);
            faults(first, "{\"action\": \"failover\", \"leader\": 1.5}", 400);
            faults(first, "{\"leadership\": \"following\", \"leader\": 1}", 400);
            assertThat(cluster.leaderIndex()).as("a refused request changes nothing").hasValue(0);
        }
    }

    @Test
    void failoversAreDeterministicBySeedAndOneLikeARestartOfASingleMaster() throws Exception {
        MesosSimulatorConfig config = MesosSimulatorConfig.defaults().withPort(0).withSeed(2024).withRate(100_000)
                .withMaxEvents(2_000).withHeartbeatIntervalSeconds(60);
        try (SimulatedMesosCluster one = MesosMasterSimulator.startCluster(config, 2);
             SimulatedMesosCluster two = MesosMasterSimulator.startCluster(config, 3);
             MesosMasterSimulator single = MesosMasterSimulator.start(config)) {
            for (SimulatedMesosCluster cluster : new SimulatedMesosCluster[]{one, two}) {
                assertThat(cluster.awaitEventsEmitted(2_000, WAIT)).isTrue();
            }
            assertThat(single.awaitEventsEmitted(2_000, WAIT)).isTrue();
            assertThat(two.masterId()).isEqualTo(one.masterId()).isEqualTo(single.masterId());

            one.failover(1);
            two.failover(2);
            single.restart();

            assertThat(two.masterId()).isEqualTo(one.masterId()).isEqualTo(single.masterId());
            byte[] state = new MasterClient(one.master(1).url()).call(Call.Type.GET_STATE, MesosEncoding.PROTOBUF).toByteArray();
            assertThat(new MasterClient(two.master(2).url()).call(Call.Type.GET_STATE, MesosEncoding.PROTOBUF).toByteArray())
                    .isEqualTo(state);
            assertThat(new MasterClient(single.url()).call(Call.Type.GET_STATE, MesosEncoding.PROTOBUF).toByteArray())
                    .isEqualTo(state);
        }
    }

    /** {@code SUBSCRIBE}, {@code GET_STATE} and a {@code GET} are all sent on to {@code leader}. */
    private static void assertRedirects(MasterClient standby, MasterFrontEnd leader) throws Exception {
        String location = "//" + hostPort(leader) + OperatorApi.PATH;
        for (Call.Type type : new Call.Type[]{Call.Type.SUBSCRIBE, Call.Type.GET_STATE}) {
            HttpResponse<byte[]> response = standby.send("POST", OperatorApi.PATH,
                    MasterClient.body(type, MesosEncoding.PROTOBUF), MesosEncoding.PROTOBUF.mediaType(),
                    MesosEncoding.PROTOBUF.mediaType());
            assertThat(response.statusCode()).as(type.name()).isEqualTo(307);
            assertThat(response.headers().firstValue("Location")).as(type.name()).hasValue(location);
        }
        HttpResponse<byte[]> get = standby.send("GET", OperatorApi.PATH, null, null, null);
        assertThat(get.statusCode()).isEqualTo(307);
        assertThat(get.headers().firstValue("Location")).hasValue(location);
    }

    private static String hostPort(MasterFrontEnd master) {
        return master.url().substring("http://".length());
    }

    private static String masterIdServedBy(MasterClient client) throws Exception {
        return client.call(Call.Type.GET_MASTER, MesosEncoding.PROTOBUF).getGetMaster().getMasterInfo().getId();
    }

    private static TreeSet<String> allAgents(ClusterView view) {
        TreeSet<String> agents = new TreeSet<>(view.agents.keySet());
        agents.addAll(view.recoveredAgents);
        return agents;
    }

    private static JsonNode status(MasterClient client) throws Exception {
        HttpResponse<byte[]> response = client.send("GET", ControlApi.STATUS_PATH, null, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }

    private static JsonNode faults(MasterClient client, String json, int expectedStatus) throws Exception {
        HttpResponse<byte[]> response = client.send("POST", ControlApi.FAULTS_PATH, json.getBytes(StandardCharsets.UTF_8),
                "application/json", null);
        assertThat(response.statusCode()).as(json).isEqualTo(expectedStatus);
        return MAPPER.readTree(response.body());
    }
}
