package io.mesosevents.simulator.marathon;

import io.mesosevents.model.MarathonPayloadType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A run of 20,000 events carries every Marathon event type of the Avro contract, over a real stream. */
class EventCoverageTest {

    private static final int EVENTS = 20_000;

    @Test
    void twentyThousandEventsCarryEveryEventTypeOfTheContract() throws Exception {
        Set<String> contract = Arrays.stream(MarathonPayloadType.values()).map(MarathonPayloadType::eventType)
                .collect(Collectors.toSet());
        assertThat(contract).hasSize(30);
        Map<String, Integer> received = new HashMap<>();
        try (MarathonSimulator simulator = MarathonSimulator.start(MarathonSimulatorConfig.defaults().withPort(0)
                .withRate(10_000).withMaxEvents(EVENTS).withSlowConsumerLimit(EVENTS * 2));
             SseStream stream = SseStream.open(simulator.url())) {
            // Read while they come: 20,000 events are some 80 MB, deployment plans carrying the whole group tree.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                SseStream.Frame frame = stream.nextFrameOrNull(Duration.ofSeconds(1));
                if (frame == null && simulator.eventsEmitted() == EVENTS) {
                    break;
                }
                if (frame != null) {
                    assertThat(frame.json().get("eventType").asText()).isEqualTo(frame.event());
                    received.merge(frame.event(), 1, Integer::sum);
                }
            }
            assertThat(simulator.status().eventsByType().keySet()).as("types the model made").containsAll(contract);
        }
        assertThat(received.keySet()).as("types received on the stream").containsAll(contract);
        assertThat(received.values().stream().mapToInt(Integer::intValue).sum()).as("events received")
                .isGreaterThan(EVENTS * 9 / 10);
    }
}
