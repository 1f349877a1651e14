package io.mesosevents.ingestor.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.ingestor.SessionStamp;
import io.mesosevents.ingestor.OutboundRecord;
import io.mesosevents.marathon.MarathonEventMessage;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.MarathonPayloadType;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.marathon.ApiPostEvent;
import io.mesosevents.model.marathon.DeploymentSuccess;
import io.mesosevents.model.marathon.FailedHealthCheckEvent;
import io.mesosevents.model.marathon.GenericMarathonEvent;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.PodDeletedEvent;
import io.mesosevents.model.marathon.StatusUpdateEvent;
import io.mesosevents.model.mesos.TaskState;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarathonEventMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T01:00:00Z"), ZoneOffset.UTC);

    private final MarathonEventMapper mapper = new MarathonEventMapper("eu1");
    private final SessionStamp stamp = new SessionStamp("eu1", "http://marathon:8080", "s-1", CLOCK);

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void everyMarathonEventTypeBecomesItsTypedPayloadAndSurvivesAvro() throws IOException {
        List<OutboundRecord> records = new ArrayList<>();
        for (JsonNode event : samples()) {
            records.add(mapper.delta(message(event), stamp));
        }

        Map<String, Class<?>> payloadClasses = records.stream().map(r -> (MarathonEvent) r.value())
                .collect(Collectors.toMap(MarathonEvent::getEventType, e -> e.getPayload().getClass()));
        Arrays.stream(MarathonPayloadType.values()).forEach(type ->
                assertThat(payloadClasses.get(type.eventType())).as(type.eventType()).isEqualTo(type.payloadClass()));
        for (OutboundRecord record : records) {
            assertThat(roundTrip((MarathonEvent) record.value())).isEqualTo(record.value());
        }
        assertThat(records).extracting(r -> ((MarathonEvent) r.value()).getMeta().getSequence())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, records.size()).boxed().toList());
    }

    @Test
    void eventsAreKeyedByTheEntityTheyAreAbout() throws IOException {
        Map<String, String> keys = samples().stream().collect(Collectors.toMap(e -> e.get("eventType").asText(),
                e -> mapper.delta(message(e), stamp).key()));

        assertThat(keys).containsEntry("api_post_event", "eu1//prod/web")
                .containsEntry("status_update_event", "eu1//prod/web")
                .containsEntry("instance_changed_event", "eu1//prod/web")
                .containsEntry("deployment_info", "eu1/867ed450-f6a8-4d33-9b0e-e11c5513990b")
                .containsEntry("deployment_success", "eu1/867ed450-f6a8-4d33-9b0e-e11c5513990b")
                .containsEntry("group_change_success", "eu1//prod")
                .containsEntry("pod_deleted_event", "eu1//prod/db")
                .containsEntry("scheduler_registered_event", "eu1")
                .containsEntry("event_stream_attached", "eu1");
    }

    @Test
    void typedFieldsCarryWhatMarathonSent() throws IOException {
        Map<String, MarathonEvent> byType = samples().stream().map(e -> (MarathonEvent) mapper.delta(message(e), stamp).value())
                .collect(Collectors.toMap(MarathonEvent::getEventType, e -> e));

        StatusUpdateEvent status = (StatusUpdateEvent) byType.get("status_update_event").getPayload();
        assertThat(status.getTaskStatus()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(status.getPorts()).containsExactly(31001);
        assertThat(status.getIpAddresses().get(0).getIpAddress()).isEqualTo("10.0.1.12");
        ApiPostEvent post = (ApiPostEvent) byType.get("api_post_event").getPayload();
        assertThat(post.getAppId()).isEqualTo("/prod/web");
        assertThat(post.getInstances()).isEqualTo(3);
        assertThat(JSON.readTree(post.getAppDefinitionJson()).get("cmd").asText()).startsWith("python3");
        DeploymentSuccess success = (DeploymentSuccess) byType.get("deployment_success").getPayload();
        assertThat(success.getPlan().getAffectedApps()).containsExactly("/prod/web");
        assertThat(success.getPlan().getSteps()).hasSize(2);
        assertThat(JSON.readTree(success.getPlan().getTargetJson()).get("apps").get(0).get("id").asText()).isEqualTo("/prod/web");
        FailedHealthCheckEvent failed = (FailedHealthCheckEvent) byType.get("failed_health_check_event").getPayload();
        assertThat(failed.getHealthCheck().getMaxConsecutiveFailures()).isEqualTo(3);
        assertThat(failed.getHealthCheck().getHealthCheckJson()).contains("\"path\":\"/health\"");
        assertThat(((PodDeletedEvent) byType.get("pod_deleted_event").getPayload()).getPodId()).isEqualTo("/prod/db");
        MarathonEvent attached = byType.get("event_stream_attached");
        assertThat(attached.getTimestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:06Z"));
        assertThat(attached.getMeta().getKind()).isEqualTo(EventKind.DELTA);
        assertThat(attached.getMeta().getSourceTimestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:06Z"));
    }

    @Test
    void anUnknownTypeIsKeptWithItsRawJson() throws IOException {
        String raw = "{\"eventType\":\"sidecar_changed_event\",\"appId\":\"/prod/web\",\"x\":[1,2]}";

        MarathonEvent event = (MarathonEvent) mapper.delta(message(JSON.readTree(raw), raw), stamp).value();

        assertThat(event.getPayload()).isEqualTo(new GenericMarathonEvent("sidecar_changed_event", raw));
    }

    @Test
    void anUnknownTaskStateBecomesTheDefaultSymbol() throws IOException {
        JsonNode json = JSON.readTree("{\"eventType\":\"status_update_event\",\"taskId\":\"t\",\"taskStatus\":\"TASK_SOMETHING_NEW\"}");

        StatusUpdateEvent status = (StatusUpdateEvent) ((MarathonEvent) mapper.delta(message(json), stamp).value()).getPayload();

        assertThat(status.getTaskStatus()).isEqualTo(TaskState.TASK_UNKNOWN);
    }

    @Test
    void aFieldOfTheWrongTypeFailsNamingTheField() throws IOException {
        JsonNode json = JSON.readTree("{\"eventType\":\"status_update_event\",\"taskId\":\"t\",\"ports\":[\"http\"]}");

        assertThatThrownBy(() -> mapper.delta(message(json), stamp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StatusUpdateEvent.ports[0]");
    }

    static List<JsonNode> samples() throws IOException {
        try (InputStream in = MarathonEventMapperTest.class.getResourceAsStream("/marathon/events.jsonl")) {
            List<JsonNode> events = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    events.add(JSON.readTree(line));
                }
            }
            return events;
        }
    }

    static MarathonEventMessage message(JsonNode json) {
        return message(json, json.toString());
    }

    private static MarathonEventMessage message(JsonNode json, String raw) {
        Optional<Instant> timestamp = json.has("timestamp") ? Optional.of(Instant.parse(json.get("timestamp").asText())) : Optional.empty();
        return new MarathonEventMessage(json.get("eventType").asText(), raw, json, timestamp, 0);
    }

    private static MarathonEvent roundTrip(MarathonEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(MarathonEvent.class).write(event, encoder);
        encoder.flush();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
        return new SpecificDatumReader<>(MarathonEvent.class).read(null, decoder);
    }
}
