package io.mesosevents.simulator.marathon;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that takes a snapshot and applies every event after it ends with the simulator's truth. */
class TruthConsistencyTest {

    private static final int EVENTS = 5_000;

    @Test
    void aSnapshotPlusTheEventsAfterItIsTheTruth() throws Exception {
        try (MarathonSimulator simulator = MarathonSimulator.start(MarathonSimulatorConfig.defaults().withPort(0)
                .withSeed(7).withRate(2_000).withMaxEvents(EVENTS).withSlowConsumerLimit(EVENTS * 2));
             SseStream stream = SseStream.open(simulator.url())) {
            // Attached first, then the snapshot: every change after the snapshot is on the stream (some before it too,
            // which applying again does not spoil, as events carry states rather than differences).
            MarathonClient client = new MarathonClient(simulator.url());
            MarathonView view = MarathonView.of(client.json("/v2/apps?embed=apps.tasks"), client.json("/v2/deployments"),
                    client.json("/v2/pods"));
            assertThat(simulator.eventsEmitted()).as("events still to come after the snapshot").isLessThan(EVENTS - 1_000);
            assertThat(simulator.awaitEventsEmitted(EVENTS, Duration.ofSeconds(30))).isTrue();
            SseStream.Frame frame;
            while ((frame = stream.nextFrameOrNull(Duration.ofSeconds(1))) != null) {
                view.apply(frame.json());
            }

            MarathonView truth = MarathonView.of(simulator.apps(), simulator.deployments(), simulator.pods());
            assertThat(view.apps).isEqualTo(truth.apps);
            assertThat(view.listedTasks()).isEqualTo(truth.tasks);
            assertThat(view.deployments).isEqualTo(truth.deployments);
            assertThat(view.pods).isEqualTo(truth.pods);
            assertThat(truth.tasks).isNotEmpty();
        }
    }
}
