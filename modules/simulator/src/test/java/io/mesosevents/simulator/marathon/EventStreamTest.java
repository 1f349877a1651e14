package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /v2/events} framed as Marathon frames it, filtered, attached and detached, kept alive. */
class EventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern FRAME = Pattern.compile("event: ([a-z_]+)\ndata: (\\{.*})\n\n", Pattern.DOTALL);
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final MarathonSimulatorConfig CONFIG = MarathonSimulatorConfig.defaults().withPort(0).withRate(500)
            .withSlowConsumerLimit(100_000);

    private MarathonSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void theFirstEventIsTheClientsOwnAttachmentThenEveryEventIsOneEventAndOneDataLine() throws Exception {
        simulator = MarathonSimulator.start(CONFIG);
        try (SseStream stream = SseStream.open(simulator.url())) {
            assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            SseStream.Frame attached = stream.nextFrame(WAIT);
            assertThat(attached.event()).isEqualTo("event_stream_attached");
            assertThat(attached.json().get("remoteAddress").asText()).isEqualTo("127.0.0.1");

            Instant previous = CONFIG.epoch();
            for (int i = 0; i < 200; i++) {
                SseStream.Frame frame = stream.nextFrame(WAIT);
                Matcher matcher = FRAME.matcher(frame.raw());
                assertThat(matcher.matches()).as("frame %s", frame.raw()).isTrue();
                JsonNode json = frame.json();
                assertThat(json.get("eventType").asText()).isEqualTo(frame.event()).isEqualTo(matcher.group(1));
                String timestamp = json.get("timestamp").asText();
                assertThat(timestamp).matches(TIMESTAMP);
                Instant at = Instant.parse(timestamp);
                assertThat(at).as("simulated time only moves on").isAfterOrEqualTo(previous);
                previous = at;
            }
            assertThat(previous).isBefore(CONFIG.epoch().plus(Duration.ofHours(1)));
        }
    }

    @Test
    void eventTypeParametersLetOnlyThoseTypesThrough() throws Exception {
        simulator = MarathonSimulator.start(CONFIG.withRate(2_000));
        Set<String> wanted = Set.of("status_update_event", "instance_changed_event");
        try (SseStream filtered = SseStream.open(simulator.url(),
                "/v2/events?event_type=status_update_event&event_type=instance_changed_event")) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                seen.add(filtered.nextFrame(WAIT).event());
            }
            assertThat(seen).isEqualTo(wanted);
        }
        assertThat(simulator.streams().get(0).eventTypes()).containsExactlyInAnyOrderElementsOf(wanted);
    }

    @Test
    void everyClientHearsOthersAttachAndDetach() throws Exception {
        simulator = MarathonSimulator.start(CONFIG);
        String clients = "/v2/events?event_type=event_stream_attached&event_type=event_stream_detached";
        try (SseStream watcher = SseStream.open(simulator.url(), clients)) {
            assertThat(watcher.nextFrame(WAIT).event()).isEqualTo("event_stream_attached");
            SseStream other = SseStream.open(simulator.url());
            assertThat(other.nextFrame(WAIT).event()).isEqualTo("event_stream_attached");
            SseStream.Frame attached = nextRealClientFrame(watcher);
            assertThat(attached.event()).isEqualTo("event_stream_attached");

            other.close();

            SseStream.Frame detached = nextRealClientFrame(watcher);
            assertThat(detached.event()).isEqualTo("event_stream_detached");
            assertThat(detached.json().get("remoteAddress").asText()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void anIdleStreamGetsKeepAliveNewlines() throws Exception {
        simulator = MarathonSimulator.start(CONFIG.withMaxEvents(0).withKeepAliveInterval(Duration.ofMillis(100)));
        try (SseStream stream = SseStream.open(simulator.url())) {
            assertThat(stream.nextFrame(WAIT).event()).isEqualTo("event_stream_attached");
            int keepAlives = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < deadline) {
                SseStream.Item item = stream.poll(Duration.ofMillis(200));
                assertThat(item).isNotInstanceOf(SseStream.Frame.class).isNotInstanceOf(SseStream.End.class);
                if (item instanceof SseStream.Blank blank) {
                    assertThat(blank.raw()).isEqualTo("\n");
                    keepAlives++;
                }
            }
            assertThat(keepAlives).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aClientThatDoesNotAcceptEventStreamsIsRefused() throws Exception {
        simulator = MarathonSimulator.start(CONFIG);
        HttpResponse<String> response = SseStream.http().send(HttpRequest.newBuilder(
                        URI.create(simulator.url() + "/v2/events")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(MarathonClient.MAPPER.readTree(response.body()).get("message").asText()).contains("text/event-stream");
    }

    /** The next attachment or detachment of a real client; the model's simulated clients have 10.0.x.x addresses. */
    private static SseStream.Frame nextRealClientFrame(SseStream stream) throws InterruptedException {
        while (true) {
            SseStream.Frame frame = stream.nextFrame(WAIT);
            if (frame.json().get("remoteAddress").asText().equals("127.0.0.1")) {
                return frame;
            }
        }
    }
}
