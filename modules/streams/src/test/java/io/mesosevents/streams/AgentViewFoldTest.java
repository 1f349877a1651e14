package io.mesosevents.streams;

import static io.mesosevents.streams.AgentEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.mesos.MesosAgentEvent;
import io.mesosevents.model.state.AgentView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AgentViewFoldTest {

    @BeforeAll
    static void trustModel() {
        AvroClassTrust.install();
    }

    @Test
    void agentAddedFillsANewRow() {
        MesosAgentEvent event = AgentEvents.added("eu1", "a1", 4);

        AgentView row = AgentViewFold.apply(null, event);

        assertThat(row.getCluster()).isEqualTo("eu1");
        assertThat(row.getAgentId()).isEqualTo("a1");
        assertThat(row.getHostname()).isEqualTo(event.getHostname());
        assertThat(row.getPort()).isEqualTo(event.getPort());
        assertThat(row.getPid()).isEqualTo(event.getPid());
        assertThat(row.getVersion()).isEqualTo(event.getVersion());
        assertThat(row.getResources()).isEqualTo(event.getResources());
        assertThat(row.getAttributes()).isEqualTo(event.getAttributes());
        assertThat(row.getActive()).isTrue();
        assertThat(row.getRegisteredTime()).isEqualTo(event.getRegisteredTime());
        assertThat(row.getReregisteredTime()).isNull();
        assertThat(row.getCapabilities()).isEqualTo(event.getCapabilities());
        assertThat(row.getUpdatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(row.getLastSessionId()).isEqualTo(AgentEvents.SESSION);
        assertThat(row.getLastSequence()).isEqualTo(4L);
    }

    @Test
    void fieldsTheEventDoesNotCarryKeepTheirValues() {
        AgentView previous = AgentViewFold.apply(null, AgentEvents.added("eu1", "a1", 0));

        AgentView row = AgentViewFold.apply(previous, AgentEvents.partial("eu1", "a1", 10));

        AgentView expected = AgentView.newBuilder(previous).setVersion("1.11.0").setActive(false)
                .setReregisteredTime(T0.plusSeconds(10)).setUpdatedAt(T0.plusSeconds(11)).setLastSequence(10L)
                .build();
        assertThat(row).isEqualTo(expected);
    }

    @Test
    void agentRemovedDeletesTheRow() {
        AgentView previous = AgentViewFold.apply(null, AgentEvents.added("eu1", "a1", 0));

        assertThat(AgentViewFold.apply(previous, AgentEvents.removed("eu1", "a1", 10))).isNull();
        assertThat(AgentViewFold.apply(null, AgentEvents.removed("eu1", "a1", 10))).isNull();
    }

    @Test
    void goneDeletesTheRowWhateverTheEventType() {
        AgentView previous = AgentViewFold.apply(null, AgentEvents.added("eu1", "a1", 0));

        assertThat(AgentViewFold.apply(previous, AgentEvents.gone("eu1", "a1", 10))).isNull();
    }
}
