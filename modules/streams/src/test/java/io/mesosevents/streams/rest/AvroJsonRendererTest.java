package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.mesos.Range;
import io.mesosevents.model.mesos.Resource;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.AppHealthView;
import io.mesosevents.model.state.TaskHealth;
import io.mesosevents.model.state.TaskView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AvroJsonRendererTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00.250Z");

    @BeforeAll
    static void trustModel() {
        AvroClassTrust.install();
    }

    @Test
    void fieldsAreTheSchemasInItsOrder() {
        JsonNode row = AvroJsonRenderer.render(task());

        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(TaskView.getClassSchema().getFields().stream().map(Schema.Field::name).toList());
    }

    @Test
    void timestampsEnumsUnionsMapsAndArraysArePlainJson() {
        JsonNode row = AvroJsonRenderer.render(task());

        assertThat(row.path("updatedAt").asText()).isEqualTo("2026-03-01T12:00:00.250Z");
        assertThat(row.path("started").asText()).isEqualTo("2026-03-01T12:00:00.250Z");
        assertThat(row.path("finished").isNull()).isTrue();
        assertThat(row.path("state").asText()).isEqualTo("TASK_RUNNING");
        assertThat(row.path("appId").asText()).as("a union is its plain value").isEqualTo("/prod/web");
        assertThat(row.path("healthy").asBoolean()).isTrue();
        assertThat(row.path("ports")).extracting(JsonNode::asLong).containsExactly(31000L, 31001L);
        assertThat(row.path("labels").path("team").asText()).isEqualTo("edge");
        assertThat(row.path("resources").get(0).path("scalar").asDouble()).isEqualTo(0.5);
        assertThat(row.path("resources").get(1).path("ranges").get(0).path("end").asLong()).isEqualTo(31001L);
        assertThat(row.path("health").path("consecutiveFailures").asInt()).isEqualTo(2);
        assertThat(row.path("health").path("lastFailure").asText()).isEqualTo("2026-03-01T12:00:00.250Z");
        assertThat(row.path("health").path("alive").isNull()).isTrue();
    }

    @Test
    void mapKeysAreSortedSoAnswersAreStable() {
        Map<String, TaskHealth> tasks = new LinkedHashMap<>();
        tasks.put("t3", health("t3"));
        tasks.put("t1", health("t1"));
        tasks.put("t2", health("t2"));
        AppHealthView view = AppHealthView.newBuilder().setCluster("eu1").setAppId("/prod/web").setTasks(tasks)
                .setUpdatedAt(AT).build();

        List<String> keys = new ArrayList<>();
        AvroJsonRenderer.render(view).path("tasks").fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactly("t1", "t2", "t3");
    }

    @Test
    void genericRecordsWithLongTimestampsRenderTheSame() {
        GenericRecord generic = toGeneric(task());

        assertThat(generic.get("updatedAt")).isInstanceOf(Long.class);
        assertThat(AvroJsonRenderer.render(generic)).isEqualTo(AvroJsonRenderer.render(task()));
    }

    private static GenericRecord toGeneric(TaskView task) {
        // Writing and reading with the generic model gives longs for timestamps and Utf8 for strings.
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<TaskView>(TaskView.getClassSchema()).write(task, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(TaskView.getClassSchema())
                    .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TaskView task() {
        return TaskView.newBuilder().setCluster("eu1").setTaskId("prod_web.instance-1._app.1").setFrameworkId("fw")
                .setAppId("/prod/web").setState(TaskState.TASK_RUNNING).setPorts(List.of(31000L, 31001L))
                .setHealthy(true).setLabels(Map.of("team", "edge"))
                .setResources(List.of(Resource.newBuilder().setName("cpus").setScalar(0.5).build(),
                        Resource.newBuilder().setName("ports")
                                .setRanges(List.of(Range.newBuilder().setBegin(31000).setEnd(31001).build())).build()))
                .setStarted(AT).setUpdatedAt(AT).setHealth(TaskHealth.newBuilder().setTaskId("prod_web.instance-1._app.1")
                        .setConsecutiveFailures(2).setLastFailure(AT).build())
                .build();
    }

    private static TaskHealth health(String taskId) {
        return TaskHealth.newBuilder().setTaskId(taskId).setHealthy(true).build();
    }
}
