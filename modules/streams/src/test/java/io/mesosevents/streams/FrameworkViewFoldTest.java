package io.mesosevents.streams;

import static io.mesosevents.streams.FrameworkEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.mesos.MesosFrameworkEvent;
import io.mesosevents.model.state.FrameworkView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FrameworkViewFoldTest {

    @BeforeAll
    static void trustModel() {
        AvroClassTrust.install();
    }

    @Test
    void frameworkAddedFillsANewRow() {
        MesosFrameworkEvent event = FrameworkEvents.added("eu1", "f1", 4);

        FrameworkView row = FrameworkViewFold.apply(null, event);

        assertThat(row.getCluster()).isEqualTo("eu1");
        assertThat(row.getFrameworkId()).isEqualTo("f1");
        assertThat(row.getName()).isEqualTo("marathon");
        assertThat(row.getUser()).isEqualTo(event.getUser());
        assertThat(row.getPrincipal()).isEqualTo(event.getPrincipal());
        assertThat(row.getHostname()).isEqualTo(event.getHostname());
        assertThat(row.getWebuiUrl()).isEqualTo(event.getWebuiUrl());
        assertThat(row.getRoles()).isEqualTo(event.getRoles());
        assertThat(row.getActive()).isTrue();
        assertThat(row.getConnected()).isTrue();
        assertThat(row.getRecovered()).isFalse();
        assertThat(row.getCheckpoint()).isTrue();
        assertThat(row.getFailoverTimeoutSeconds()).isEqualTo(604800.0);
        assertThat(row.getRegisteredTime()).isEqualTo(event.getRegisteredTime());
        assertThat(row.getReregisteredTime()).isNull();
        assertThat(row.getUnregisteredTime()).isNull();
        assertThat(row.getCapabilities()).isEqualTo(event.getCapabilities());
        assertThat(row.getLabels()).isEqualTo(event.getLabels());
        assertThat(row.getUpdatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(row.getLastSessionId()).isEqualTo(FrameworkEvents.SESSION);
        assertThat(row.getLastSequence()).isEqualTo(4L);
    }

    @Test
    void fieldsFrameworkUpdatedDoesNotCarryKeepTheirValues() {
        FrameworkView previous = FrameworkViewFold.apply(null, FrameworkEvents.added("eu1", "f1", 0));

        FrameworkView row = FrameworkViewFold.apply(previous, FrameworkEvents.disconnected("eu1", "f1", 10));

        FrameworkView expected = FrameworkView.newBuilder(previous).setActive(false).setConnected(false)
                .setUnregisteredTime(T0.plusSeconds(10)).setUpdatedAt(T0.plusSeconds(11)).setLastSequence(10L)
                .build();
        assertThat(row).isEqualTo(expected);
    }

    @Test
    void frameworkRemovedDeletesTheRowThoughItDescribesTheFramework() {
        FrameworkView previous = FrameworkViewFold.apply(null, FrameworkEvents.added("eu1", "f1", 0));

        assertThat(FrameworkViewFold.apply(previous, FrameworkEvents.removed("eu1", "f1", 10))).isNull();
        assertThat(FrameworkViewFold.apply(null, FrameworkEvents.removed("eu1", "f1", 10))).isNull();
    }

    @Test
    void goneDeletesTheRowWhateverTheEventType() {
        FrameworkView previous = FrameworkViewFold.apply(null, FrameworkEvents.added("eu1", "f1", 0));

        assertThat(FrameworkViewFold.apply(previous, FrameworkEvents.gone("eu1", "f1", 10))).isNull();
    }
}
