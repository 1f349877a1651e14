package io.mesosevents.simulator.marathon;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed and knobs make the same Marathon and the same events over HTTP, whatever the rate. */
class DeterminismTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final MarathonSimulatorConfig CONFIG = MarathonSimulatorConfig.defaults().withPort(0).withSeed(2024)
            .withMaxEvents(3_000).withKeepAliveInterval(Duration.ofSeconds(60))
            // A loaded machine may let a reader fall behind; it must not be cut off for it here.
            .withSlowConsumerLimit(100_000);

    @Test
    void theSameSeedGivesTheSameTruthAtAnyRate() throws Exception {
        try (MarathonSimulator slow = MarathonSimulator.start(CONFIG.withRate(3_000));
             MarathonSimulator fast = MarathonSimulator.start(CONFIG.withRate(50_000));
             MarathonSimulator other = MarathonSimulator.start(CONFIG.withSeed(2025).withRate(50_000))) {
            assertThat(slow.awaitEventsEmitted(3_000, WAIT)).isTrue();
            assertThat(fast.awaitEventsEmitted(3_000, WAIT)).isTrue();
            assertThat(other.awaitEventsEmitted(3_000, WAIT)).isTrue();

            for (String path : List.of("/v2/apps?embed=apps.tasks&embed=apps.lastTaskFailure", "/v2/deployments",
                    "/v2/pods", "/v2/queue")) {
                String slowAnswer = new MarathonClient(slow.url()).get(path).body();
                assertThat(new MarathonClient(fast.url()).get(path).body()).as(path).isEqualTo(slowAnswer);
                if (!path.equals("/v2/queue")) {
                    assertThat(new MarathonClient(other.url()).get(path).body()).as(path).isNotEqualTo(slowAnswer);
                }
            }
            assertThat(fast.status().eventsByType()).isEqualTo(slow.status().eventsByType());
            assertThat(fast.status().frameworkId()).isEqualTo(slow.status().frameworkId())
                    .isNotEqualTo(other.status().frameworkId());
        }
    }

    @Test
    void clientsOfTwoSimulatorsWithTheSameSeedGetTheSameEvents() throws Exception {
        MarathonSimulatorConfig config = CONFIG.withRate(2_000).withMaxEvents(1_500);
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        try (MarathonSimulator one = MarathonSimulator.start(config);
             SseStream oneStream = SseStream.open(one.url());
             MarathonSimulator two = MarathonSimulator.start(config);
             SseStream twoStream = SseStream.open(two.url())) {
            readAll(one, oneStream, first);
            readAll(two, twoStream, second);
        }
        // Each client attached at its own point; from the later one on, both saw the same events.
        int common = Math.min(first.size(), second.size());
        assertThat(common).isGreaterThan(1_000);
        assertThat(second.subList(second.size() - common, second.size()))
                .isEqualTo(first.subList(first.size() - common, first.size()));
    }

    /** Every event of the model a client gets once the simulator has made all of them; its own attachment aside. */
    private static void readAll(MarathonSimulator simulator, SseStream stream, List<String> events) throws Exception {
        assertThat(simulator.awaitEventsEmitted(1_500, WAIT)).isTrue();
        SseStream.Frame frame;
        while ((frame = stream.nextFrameOrNull(Duration.ofSeconds(1))) != null) {
            if (!frame.data().contains("\"remoteAddress\":\"127.0.0.1\"")) {
                events.add(frame.data());
            }
        }
    }
}
