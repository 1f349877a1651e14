package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Fault modes switched while streams are open, through the Java API and the control endpoint. */
class FaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final MarathonSimulatorConfig CONFIG = MarathonSimulatorConfig.defaults().withPort(0).withRate(500)
            .withSlowConsumerLimit(100_000);

    private MarathonSimulator simulator;
    private MarathonClient client;

    private void start(MarathonSimulatorConfig config) {
        simulator = MarathonSimulator.start(config);
        client = new MarathonClient(simulator.url());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aStandbyRedirectsTheEventStreamToTheLeaderAndClosesOpenStreams() throws Exception {
        start(CONFIG);
        try (SseStream stream = attached("/v2/events")) {
            simulator.standby("leader.example:8080");

            assertThat(stream.awaitEnd(WAIT).error()).isNotNull();
        }
        HttpResponse<String> redirect = eventsRequest("/v2/events?event_type=status_update_event");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location"))
                .hasValue("http://leader.example:8080/v2/events?event_type=status_update_event");
        assertThat(client.json("/v2/leader").get("leader").asText()).isEqualTo("leader.example:8080");
        assertThat(client.json("/v2/info").get("elected").asBoolean()).isFalse();
        assertThat(client.get("/v2/apps").statusCode()).as("proxied to the leader").isEqualTo(200);

        simulator.lead();
        try (SseStream again = attached("/v2/events")) {
            assertThat(again.nextFrame(WAIT)).isNotNull();
        }
    }

    @Test
    void droppedStreamsBreakInTheMiddleOfAFrame() throws Exception {
        start(CONFIG);
        try (SseStream one = attached("/v2/events"); SseStream two = attached("/v2/events")) {
            simulator.dropStreams();

            for (SseStream stream : List.of(one, two)) {
                assertThat(stream.awaitEnd(WAIT).error()).isInstanceOf(IOException.class);
            }
        }
        assertThat(simulator.streams()).filteredOn(connection -> !connection.open())
                .extracting(StreamConnection::endReason).contains("dropped mid-frame");
        try (SseStream again = attached("/v2/events")) {
            assertThat(again.nextFrame(WAIT)).isNotNull();
        }
    }

    @Test
    void slowConsumersAreClosedOnRequest() throws Exception {
        start(CONFIG);
        try (SseStream stream = attached("/v2/events")) {
            simulator.closeSlowConsumers();

            assertThat(stream.awaitEnd(WAIT).error()).isNotNull();
        }
        assertThat(simulator.streams().get(0).endReason()).contains("slow consumer");
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedOnceTooFarBehind() throws Exception {
        start(CONFIG.withRate(20_000).withSlowConsumerLimit(64));
        try (Socket socket = new Socket()) {
            // A small window, so that the server's writes block soon after the client stops reading.
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", simulator.port()));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v2/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (simulator.streams().isEmpty() || simulator.streams().get(0).open()) {
                assertThat(System.nanoTime()).as("disconnected in time").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
        assertThat(simulator.streams().get(0).endReason()).isEqualTo("slow consumer: more than 64 events behind");
    }

    @Test
    void losingLeadershipClosesStreamsAnswers503AndLeadsAgainAfterAMoment() throws Exception {
        start(CONFIG);
        try (SseStream stream = attached("/v2/events")) {
            simulator.loseLeadership(Duration.ofMillis(700));

            assertThat(stream.awaitEnd(WAIT).error()).isNotNull();
        }
        assertThat(eventsRequest("/v2/events").statusCode()).isEqualTo(503);
        assertThat(client.get("/v2/apps").statusCode()).isEqualTo(503);
        HttpResponse<String> leader = client.get("/v2/leader");
        assertThat(leader.statusCode()).isEqualTo(404);
        assertThat(leader.body()).contains("There is no leader");
        assertThat(simulator.status().leadership()).isEqualTo(LeaderMode.NO_LEADER);

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (client.get("/v2/leader").statusCode() != 200) {
            assertThat(System.nanoTime()).as("leading again in time").isLessThan(deadline);
            Thread.sleep(50);
        }
        try (SseStream again = attached("/v2/events")) {
            assertThat(again.nextFrame(WAIT)).isNotNull();
        }
    }

    @Test
    void crlfLineEndingsEndEveryLineWithCrlf() throws Exception {
        start(CONFIG);
        try (SseStream stream = attached("/v2/events")) {
            simulator.setQuirk(StreamQuirk.CRLF_LINE_ENDINGS, true);

            SseStream.Frame frame = awaitFrame(stream, f -> f.raw().endsWith("\r\n\r\n"));
            assertThat(frame.raw()).isEqualTo("event: " + frame.event() + "\r\ndata: " + frame.data() + "\r\n\r\n");
            assertThat(frame.json().get("eventType").asText()).isEqualTo(frame.event());
        }
    }

    @Test
    void framesWithoutAnEventLineSayTheirTypeOnlyInTheJson() throws Exception {
        start(CONFIG);
        try (SseStream stream = attached("/v2/events")) {
            simulator.setQuirk(StreamQuirk.MISSING_EVENT_LINE, true);

            SseStream.Frame frame = awaitFrame(stream, f -> f.event() == null);
            assertThat(frame.raw()).isEqualTo("data: " + frame.data() + "\n\n");
            assertThat(frame.json().get("eventType").asText()).isNotEmpty();
        }
    }

    @Test
    void aBlankLineAfterTheEventLineLeavesTheDataUnnamed() throws Exception {
        start(CONFIG);
        try (SseStream stream = attached("/v2/events")) {
            simulator.setQuirk(StreamQuirk.BLANK_LINE_AFTER_EVENT, true);

            SseStream.Item item;
            do {
                item = stream.poll(WAIT);
                assertThat(item).isNotNull().isNotInstanceOf(SseStream.End.class);
            } while (!(item instanceof SseStream.Blank blank && blank.raw().startsWith("event: ")));
            String name = ((SseStream.Blank) item).raw().substring("event: ".length()).trim();
            SseStream.Frame unnamed = stream.nextFrame(WAIT);
            assertThat(unnamed.event()).isNull();
            assertThat(unnamed.json().get("eventType").asText()).isEqualTo(name);
        }
    }

    @Test
    void twoEventsInOneFrameAreTwoDataLinesSeparatedByCrlf() throws Exception {
        start(CONFIG.withRate(5_000));
        try (SseStream stream = attached("/v2/events")) {
            simulator.setQuirk(StreamQuirk.TWO_OBJECTS_IN_ONE_FRAME, true);

            SseStream.Frame frame = awaitFrame(stream, f -> f.data().contains("\n"));
            assertThat(frame.raw()).contains("\r\ndata: ");
            List<JsonNode> objects = frame.objects();
            assertThat(objects).hasSize(2);
            assertThat(objects.get(0).get("eventType").asText()).isEqualTo(frame.event());
            assertThat(objects.get(1).get("eventType").asText()).isNotEmpty();
        }
    }

    @Test
    void theRealQuirksTogetherStillCarryOnlyValidEvents() throws Exception {
        start(CONFIG.withRate(3_000));
        try (SseStream stream = attached("/v2/events")) {
            simulator.setQuirks(StreamQuirk.real());
            int events = 0;
            while (events < 500) {
                SseStream.Frame frame = stream.nextFrame(WAIT);
                for (JsonNode event : frame.objects()) {
                    assertThat(event.get("eventType").asText()).isNotEmpty();
                    events++;
                }
            }
        }
    }

    @Test
    void invalidJsonFramesComeNowAndThenAndTheStreamGoesOn() throws Exception {
        start(CONFIG);
        try (SseStream stream = attached("/v2/events")) {
            simulator.setQuirk(StreamQuirk.INVALID_JSON, true);

            SseStream.Frame broken = awaitFrame(stream, f -> !isJson(f.data()));
            assertThat(broken.event()).isEqualTo("status_update_event");
            simulator.setQuirk(StreamQuirk.INVALID_JSON, false);
            assertThat(stream.nextFrame(WAIT).json()).isNotNull();
        }
    }

    @Test
    void oversizedFramesComeNowAndThen() throws Exception {
        start(CONFIG);
        try (SseStream stream = attached("/v2/events")) {
            simulator.setQuirk(StreamQuirk.OVERSIZED_FRAME, true);

            SseStream.Frame huge = awaitFrame(stream, f -> f.data().length() > 4_000_000);
            assertThat(huge.raw()).hasSize(SseFrames.OVERSIZED_BYTES);
            assertThat(huge.json().get("eventType").asText()).isEqualTo(huge.event()).isEqualTo("simulator_oversized_event");
        }
    }

    @Test
    void theControlEndpointSwitchesFaultsAndReportsStatus() throws Exception {
        start(CONFIG);
        JsonNode standby = faults("{\"leadership\": \"standby\", \"leader\": \"other:8080\"}", 200);
        assertThat(standby.get("leadership").asText()).isEqualTo("STANDBY");
        assertThat(standby.get("leader").asText()).isEqualTo("other:8080");
        assertThat(eventsRequest("/v2/events").statusCode()).isEqualTo(302);

        JsonNode lost = faults("{\"leadership\": \"no-leader\", \"regainAfterMillis\": 60000}", 200);
        assertThat(lost.get("leadership").asText()).isEqualTo("NO_LEADER");
        assertThat(lost.get("leader").isNull()).isTrue();
        assertThat(eventsRequest("/v2/events").statusCode()).isEqualTo(503);

        assertThat(faults("{\"leadership\": \"leading\", \"quirks\": \"real\"}", 200).get("quirks"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("blank-line-after-event", "crlf-line-endings",
                        "missing-event-line", "two-objects-crlf");
        assertThat(simulator.quirks()).isEqualTo(StreamQuirk.real());
        JsonNode quirks = faults("{\"quirks\": {\"crlf-line-endings\": false, \"invalid-json\": true}}", 200);
        assertThat(quirks.get("quirks")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "blank-line-after-event", "invalid-json", "missing-event-line", "two-objects-crlf");
        assertThat(faults("{\"quirks\": \"none\"}", 200).get("quirks")).isEmpty();
        faults("{\"action\": \"drop\"}", 200);
        faults("{\"action\": \"slow-consumer\"}", 200);

        assertThat(faults("{\"action\": \"explode\"}", 400).get("message").asText()).contains("explode");
        assertThat(faults("{\"leadership\": \"standby\"}", 400).get("message").asText()).contains("leader");
        assertThat(faults("{\"quirks\": {\"sparkles\": true}}", 400).get("message").asText()).contains("sparkles");
        faults("{\"quirks\": {\"crlf-line-endings\": \"yes\"}}", 400);
        faults("{\"colour\": \"red\"}", 400);
        faults("not json", 400);
        faults("null", 400);
        assertThat(simulator.status().leadership()).as("nothing changed by a bad request").isEqualTo(LeaderMode.LEADING);

        JsonNode status = client.json("/simulator/status");
        assertThat(status.get("url").asText()).isEqualTo(simulator.url());
        assertThat(status.get("seed").asLong()).isEqualTo(MarathonSimulatorConfig.DEFAULT_SEED);
        assertThat(status.get("eventsEmitted").asLong()).isPositive();
        assertThat(status.get("apps").asInt()).isPositive();
        assertThat(status.get("backend").asText()).isEqualTo("in-process Mesos");
        assertThat(status.get("eventsByType").has("status_update_event")).isTrue();
    }

    private JsonNode faults(String json, int expectedStatus) throws Exception {
        HttpResponse<String> response = client.send("POST", "/simulator/faults", json);
        assertThat(response.statusCode()).as(json).isEqualTo(expectedStatus);
        return MarathonClient.MAPPER.readTree(response.body());
    }

    /** A stream past its own {@code event_stream_attached}. */
    private SseStream attached(String path) throws Exception {
        SseStream stream = SseStream.open(simulator.url(), path);
        assertThat(stream.nextFrame(WAIT).event()).isEqualTo("event_stream_attached");
        return stream;
    }

    private HttpResponse<String> eventsRequest(String path) throws Exception {
        return SseStream.http().send(HttpRequest.newBuilder(URI.create(simulator.url() + path))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first frame that matches; a few in flight when a quirk was switched on may not. */
    private static SseStream.Frame awaitFrame(SseStream stream, Predicate<SseStream.Frame> predicate) throws InterruptedException {
        for (int i = 0; i < 1_000; i++) {
            SseStream.Frame frame = stream.nextFrame(WAIT);
            if (predicate.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("No matching frame in 1000");
    }

    private static boolean isJson(String data) {
        try {
            MarathonClient.MAPPER.readTree(data);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
