package io.mesosevents.simulator.mesos;

import io.mesosevents.mesos.MesosEncoding;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed and knobs make the same cluster and events over HTTP, whatever the rate. */
class DeterminismTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final MesosSimulatorConfig CONFIG = MesosSimulatorConfig.defaults().withPort(0).withSeed(2024)
            .withMaxEvents(3_000).withHeartbeatIntervalSeconds(60);

    @Test
    void theSameSeedGivesTheSameTruthAtAnyRate() throws Exception {
        try (MesosMasterSimulator slow = MesosMasterSimulator.start(CONFIG.withRate(3_000));
             MesosMasterSimulator fast = MesosMasterSimulator.start(CONFIG.withRate(100_000));
             MesosMasterSimulator other = MesosMasterSimulator.start(CONFIG.withSeed(2025).withRate(100_000))) {
            assertThat(slow.awaitEventsEmitted(3_000, WAIT)).isTrue();
            assertThat(fast.awaitEventsEmitted(3_000, WAIT)).isTrue();
            assertThat(other.awaitEventsEmitted(3_000, WAIT)).isTrue();

            byte[] slowState = new MasterClient(slow.url()).call(Call.Type.GET_STATE, MesosEncoding.PROTOBUF).toByteArray();
            byte[] fastState = new MasterClient(fast.url()).call(Call.Type.GET_STATE, MesosEncoding.PROTOBUF).toByteArray();
            byte[] otherState = new MasterClient(other.url()).call(Call.Type.GET_STATE, MesosEncoding.PROTOBUF).toByteArray();

            assertThat(fastState).isEqualTo(slowState);
            assertThat(otherState).isNotEqualTo(slowState);
            assertThat(fast.masterId()).isEqualTo(slow.masterId()).isNotEqualTo(other.masterId());
        }
    }

    @Test
    void subscribersOfTwoSimulatorsWithTheSameSeedSeeTheSameEvents() throws Exception {
        MesosSimulatorConfig config = CONFIG.withRate(2_000).withMaxEvents(1_500);
        List<Event> first = new ArrayList<>();
        List<Event> second = new ArrayList<>();
        try (MesosMasterSimulator one = MesosMasterSimulator.start(config);
             EventStream oneStream = new MasterClient(one.url()).subscribe(MesosEncoding.JSON);
             MesosMasterSimulator two = MesosMasterSimulator.start(config);
             EventStream twoStream = new MasterClient(two.url()).subscribe(MesosEncoding.PROTOBUF)) {
            readAll(one, oneStream, first);
            readAll(two, twoStream, second);
        }
        // Each subscriber joined at its own point; from the later one on, both saw the same events.
        int common = Math.min(first.size(), second.size());
        assertThat(common).isGreaterThan(1_000);
        assertThat(second.subList(second.size() - common, second.size()))
                .isEqualTo(first.subList(first.size() - common, first.size()));
    }

    /** Reads every event the subscriber gets once the simulator has made all of them. */
    private static void readAll(MesosMasterSimulator master, EventStream stream, List<Event> events) throws Exception {
        assertThat(stream.next(WAIT).getType()).isEqualTo(Event.Type.SUBSCRIBED);
        assertThat(master.awaitEventsEmitted(1_500, WAIT)).isTrue();
        Event event;
        while ((event = stream.nextOrNull(Duration.ofSeconds(1))) != null) {
            if (event.getType() != Event.Type.HEARTBEAT) {
                events.add(event);
            }
        }
    }
}
