package io.mesosevents.ingestor.mesos;

import io.mesosevents.ingestor.OutboundRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.mesos.MesosEncoding;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.EntityKey;
import io.mesosevents.model.Topic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several clusters share the topics: the same Mesos ids in two clusters must give different keys. */
class KeysTest {

    @BeforeAll
    static void trustModelClasses() {
        AvroClassTrust.install();
    }

    @Test
    void keysOfTwoClustersNeverCollide() {
        List<OutboundRecord> eu = everything(new Harness("eu1"));
        List<OutboundRecord> us = everything(new Harness("us-east.2"));

        assertThat(keys(eu)).doesNotContainAnyElementsOf(keys(us));
        assertThat(eu).hasSameSizeAs(us);
    }

    @Test
    void entityKeysParseBackToClusterAndVerbatimId() {
        List<OutboundRecord> records = everything(new Harness("eu1"));

        for (OutboundRecord record : records) {
            if (record.topic() == Topic.MESOS_OTHER_EVENTS) {
                assertThat(record.key()).isEqualTo("eu1");
            } else {
                EntityKey key = EntityKey.parse(record.key());
                assertThat(key.cluster()).isEqualTo("eu1");
                assertThat(key.id()).isNotEmpty();
            }
        }
        assertThat(keys(records)).contains("eu1/" + MesosFixtures.TASK_ID, "eu1/" + MesosFixtures.AGENT_ID,
                "eu1/" + MesosFixtures.MARATHON_ID);
    }

    @Test
    void invalidClusterNameIsRejected() {
        assertThatThrownBy(() -> new MesosEventMapper("eu/1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void envelopeOfAnotherClusterIsRejected() {
        MesosEventMapper mapper = new MesosEventMapper("eu1");
        RecordingMeta otherCluster = new RecordingMeta("us1");

        assertThatThrownBy(() -> mapper.delta(MesosFixtures.agentRemoved("S1"),
                MesosFixtures.agentRemoved("S1").toByteArray(), MesosEncoding.PROTOBUF, otherCluster))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("us1");
    }

    /** One record of every kind the mapper writes, on every topic it writes to. */
    private static List<OutboundRecord> everything(Harness harness) {
        List<OutboundRecord> records = new ArrayList<>(
                harness.snapshot(SnapshotMappingTest.realisticSubscribed(), MesosEncoding.PROTOBUF));
        records.addAll(harness.delta(MesosFixtures.taskUpdated(
                MesosFixtures.status(MesosFixtures.TASK_ID, Protos.TaskState.TASK_RUNNING),
                Protos.TaskState.TASK_RUNNING), MesosEncoding.PROTOBUF));
        records.addAll(harness.delta(MesosFixtures.agentRemoved(MesosFixtures.AGENT_ID), MesosEncoding.PROTOBUF));
        records.addAll(harness.deltaOf("{\"type\":\"OPERATION_UPDATED\"}".getBytes(StandardCharsets.UTF_8),
                MesosEncoding.JSON));
        return records;
    }

    private static Set<String> keys(List<OutboundRecord> records) {
        return records.stream().map(OutboundRecord::key).collect(Collectors.toSet());
    }
}
