package io.mesosevents.simulator.mesos;

import io.mesosevents.mesos.MesosEncoding;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The request checks of {@code /api/v1} and its read calls, over real HTTP. */
class OperatorApiTest {

    private static final String JSON = MesosEncoding.JSON.mediaType();
    private static final String PROTOBUF = MesosEncoding.PROTOBUF.mediaType();

    private static MesosMasterSimulator master;
    private static MasterClient client;

    @BeforeAll
    static void start() {
        // No events: the truth stays put while the tests compare against it.
        master = MesosMasterSimulator.start(MesosSimulatorConfig.defaults().withPort(0).withMaxEvents(0));
        client = new MasterClient(master.url());
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE"})
    void anythingButPostIs405(String method) throws Exception {
        HttpResponse<byte[]> response = client.send(method, OperatorApi.PATH, null, null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(text(response)).isEqualTo("Expecting one of { 'POST' }, but received '" + method + "'");
    }

    @Test
    void aMissingContentTypeIs400() throws Exception {
        HttpResponse<byte[]> response = client.send("POST", OperatorApi.PATH,
                MasterClient.body(Call.Type.GET_STATE, MesosEncoding.JSON), null, JSON);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(response)).isEqualTo("Expecting 'Content-Type' to be present");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/json; charset=utf-8"})
    void anyOtherContentTypeIs415(String contentType) throws Exception {
        HttpResponse<byte[]> response = client.send("POST", OperatorApi.PATH,
                MasterClient.body(Call.Type.GET_STATE, MesosEncoding.JSON), contentType, JSON);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(text(response)).isEqualTo("Expecting 'Content-Type' of application/json or application/x-protobuf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/*;q=0, text/*", "application/json;q=0"})
    void anUnacceptableAcceptIs406(String accept) throws Exception {
        HttpResponse<byte[]> response = client.send("POST", OperatorApi.PATH,
                MasterClient.body(Call.Type.GET_STATE, MesosEncoding.JSON), JSON, accept);

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(text(response)).isEqualTo("Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'");
    }

    @Test
    void anUnparsableBodyIs400() throws Exception {
        HttpResponse<byte[]> json = client.send("POST", OperatorApi.PATH, "{\"type\":".getBytes(StandardCharsets.UTF_8), JSON, JSON);
        HttpResponse<byte[]> protobuf = client.send("POST", OperatorApi.PATH, new byte[]{0x08, (byte) 0x80}, PROTOBUF, PROTOBUF);

        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(text(json)).startsWith("Failed to parse body into Call protobuf");
        assertThat(protobuf.statusCode()).isEqualTo(400);
    }

    @Test
    void aCallWithoutTypeIs400() throws Exception {
        HttpResponse<byte[]> response = client.send("POST", OperatorApi.PATH, new byte[0], PROTOBUF, PROTOBUF);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(response)).isEqualTo("Failed to validate master::Call: Expecting 'type' to be present");
    }

    @Test
    void aCallTheSimulatorDoesNotServeIs501() throws Exception {
        HttpResponse<byte[]> response = client.send("POST", OperatorApi.PATH,
                MasterClient.body(Call.Type.GET_METRICS, MesosEncoding.PROTOBUF), PROTOBUF, PROTOBUF);

        assertThat(response.statusCode()).isEqualTo(501);
    }

    @Test
    void withoutAnAcceptHeaderTheAnswerIsJson() throws Exception {
        HttpResponse<byte[]> response = client.send("POST", OperatorApi.PATH,
                MasterClient.body(Call.Type.GET_HEALTH, MesosEncoding.PROTOBUF), PROTOBUF, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON);
        assertThat(text(response)).isEqualTo("{\"type\":\"GET_HEALTH\",\"get_health\":{\"healthy\":true}}");
    }

    @ParameterizedTest
    @EnumSource(MesosEncoding.class)
    void getStateAnswersTheTruth(MesosEncoding encoding) throws Exception {
        Response response = client.call(Call.Type.GET_STATE, encoding);

        assertThat(response.getType()).isEqualTo(Response.Type.GET_STATE);
        assertThat(response.getGetState()).isEqualTo(master.truth());
    }

    @Test
    void jsonWrites64BitIntegersAsNumbersAndBytesAsBase64() throws Exception {
        String json = text(client.send("POST", OperatorApi.PATH, MasterClient.body(Call.Type.GET_STATE, MesosEncoding.JSON),
                JSON, JSON));

        assertThat(json).containsPattern("\"registered_time\":\\{\"nanoseconds\":\\d{19}}");
        assertThat(json).containsPattern("\"ranges\":\\{\"range\":\\[\\{\"begin\":31000,\"end\":32000}]}");
        assertThat(json).containsPattern("\"uuid\":\"[A-Za-z0-9+/]{22}==\"");
        assertThat(json).contains("\"state\":\"TASK_RUNNING\"", "\"agent_id\":{\"value\":\"");
    }

    @Test
    void getMasterNamesTheMaster() throws Exception {
        Response response = client.call(Call.Type.GET_MASTER, MesosEncoding.PROTOBUF);

        assertThat(response.getGetMaster().getMasterInfo().getId()).isEqualTo(master.masterId());
        assertThat(response.getGetMaster().getMasterInfo().getPort()).isEqualTo(master.port());
        assertThat(response.getGetMaster().getMasterInfo().getIp()).isEqualTo(0x0100007F);
    }

    @Test
    void getFlagsReportsTheClusterFlag() throws Exception {
        Response response = client.call(Call.Type.GET_FLAGS, MesosEncoding.JSON);

        assertThat(response.getGetFlags().getFlagsList())
                .anySatisfy(flag -> {
                    assertThat(flag.getName()).isEqualTo("cluster");
                    assertThat(flag.getValue()).isEqualTo(MesosSimulatorConfig.DEFAULT_CLUSTER);
                });
    }

    @Test
    void aMasterWithoutAClusterFlagDoesNotReportOne() throws Exception {
        try (MesosMasterSimulator unnamed = MesosMasterSimulator.start(
                MesosSimulatorConfig.defaults().withPort(0).withMaxEvents(0).withCluster(""))) {
            Response response = new MasterClient(unnamed.url()).call(Call.Type.GET_FLAGS, MesosEncoding.PROTOBUF);

            assertThat(response.getGetFlags().getFlagsList()).extracting(flag -> flag.getName())
                    .contains("hostname").doesNotContain("cluster");
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
