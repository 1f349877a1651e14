package io.mesosevents.replay.export;

import static io.mesosevents.replay.export.ExportFixtures.disconnected;
import static io.mesosevents.replay.export.ExportFixtures.generic;
import static io.mesosevents.replay.export.ExportFixtures.statusUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.streams.rest.AvroJsonRenderer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class PayloadSplitTest {

    private final PayloadSplit split = new PayloadSplit();

    @Test
    void onlyTheMarathonEnvelopeIsSplit() {
        assertThat(PayloadSplit.applies(MarathonEvent.getClassSchema())).isTrue();
        assertThat(PayloadSplit.applies(MesosTaskEvent.getClassSchema())).isFalse();
    }

    @Test
    void directoryNamesAreTheRecordNamesInSnakeCase() {
        assertThat(PayloadSplit.snakeCase("StatusUpdateEvent")).isEqualTo("status_update_event");
        assertThat(PayloadSplit.snakeCase("DeploymentInfo")).isEqualTo("deployment_info");
        assertThat(PayloadSplit.snakeCase("GenericMarathonEvent")).isEqualTo("generic_marathon_event");
        assertThat(PayloadSplit.snakeCase("APIPostEvent")).isEqualTo("api_post_event");
    }

    @Test
    void theSplitSchemaHasThePayloadAsThatOneRecordAndTheSameValues() {
        GenericRecord value = generic(statusUpdate(4));
        Schema branch = PayloadSplit.branchOf(value).orElseThrow();
        Schema schema = split.schemaFor(value.getSchema(), branch);

        GenericRecord projected = PayloadSplit.project(value, schema);

        assertThat(schema.getField("payload").schema()).isEqualTo(branch);
        assertThat(schema.getFields()).extracting(Schema.Field::name).containsExactly("meta", "eventType", "timestamp", "payload");
        assertThat(AvroJsonRenderer.render(projected)).isEqualTo(AvroJsonRenderer.render(value));
        assertThat(split.schemaFor(value.getSchema(), branch)).isSameAs(schema);
    }

    @Test
    void aPayloadWithoutFieldsIsLeftOutBecauseParquetCannotStoreAnEmptyGroup() {
        GenericRecord value = generic(disconnected(1));
        Schema schema = split.schemaFor(value.getSchema(), PayloadSplit.branchOf(value).orElseThrow());

        assertThat(schema.getField("payload")).isNull();
        assertThat(PayloadSplit.branchName(PayloadSplit.branchOf(value).orElseThrow())).isEqualTo("scheduler_disconnected_event");
    }
}
