package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of answers.
 *
 * <p>Public: a single entity is {@code {"data": row, "answeredBy": "host:port", "standby": bool,
 * "lagRecords": n}}, and read {@code asOf} a past instant {@code {"data": row, "asOf": instant, "validFrom": instant,
 * "validTo": instant|null, "answeredBy", "standby", "lagRecords"}} (the version's lifetime: validTo null while it
 * is still the current row); a collection is {@code {"data": [rows], "nextCursor": string|null, "answeredBy":
 * ["host:port", …], "standby": bool, "lagRecords": n}} (standby: some partition came from a standby;
 * lagRecords: the largest lag among the answering copies).
 *
 * <p>Internal, between instances: a partial page {@code {"answeredBy", "rows": [{"key", "row"}],
 * "answered": [{"partition", "standby", "lagRecords"}], "declined": [{"partition", "reason"}]}}.
 */
final class Envelopes {

    private Envelopes() {
    }

    static ObjectNode single(JsonNode data, String answeredBy, PartitionAnswer how) {
        ObjectNode body = JsonBodies.object();
        body.set("data", data);
        body.put("answeredBy", answeredBy);
        body.put("standby", how.standby());
        body.put("lagRecords", how.lagRecords());
        return body;
    }

    /** A single entity as of {@code asOf}: the version of its row that was current then. */
    static ObjectNode singleAsOf(JsonNode data, Instant asOf, HistoryVersion version, String answeredBy, PartitionAnswer how) {
        ObjectNode body = JsonBodies.object();
        body.set("data", data);
        body.put("asOf", asOf.toString());
        body.put("validFrom", version.validFrom().toString());
        if (version.validTo().isPresent()) {
            body.put("validTo", version.validTo().get().toString());
        } else {
            body.putNull("validTo");
        }
        body.put("answeredBy", answeredBy);
        body.put("standby", how.standby());
        body.put("lagRecords", how.lagRecords());
        return body;
    }

    static ObjectNode collection(List<KeyedRow> rows, Optional<String> nextCursor, Collection<String> answeredBy,
                                 Collection<PartitionAnswer> answers) {
        ObjectNode body = JsonBodies.object();
        ArrayNode data = body.putArray("data");
        rows.forEach(row -> data.add(row.row()));
        if (nextCursor.isPresent()) {
            body.put("nextCursor", nextCursor.get());
        } else {
            body.putNull("nextCursor");
        }
        ArrayNode instances = body.putArray("answeredBy");
        answeredBy.forEach(instances::add);
        body.put("standby", answers.stream().anyMatch(PartitionAnswer::standby));
        body.put("lagRecords", answers.stream().mapToLong(PartitionAnswer::lagRecords).max().orElse(0));
        return body;
    }

    static ObjectNode partial(LocalPage page) {
        ObjectNode body = JsonBodies.object();
        body.put("answeredBy", page.answeredBy());
        ArrayNode rows = body.putArray("rows");
        page.rows().forEach(row -> rows.addObject().put("key", row.key()).set("row", row.row()));
        ArrayNode answered = body.putArray("answered");
        page.answered().forEach(answer -> answered.addObject().put("partition", answer.partition())
                .put("standby", answer.standby()).put("lagRecords", answer.lagRecords()));
        ArrayNode declined = body.putArray("declined");
        page.declined().forEach((partition, reason) -> declined.addObject().put("partition", partition).put("reason", reason));
        return body;
    }

    /** Reads a partial page written by {@link #partial}. */
    static LocalPage readPartial(JsonNode body) {
        List<KeyedRow> rows = new ArrayList<>();
        body.path("rows").forEach(row -> rows.add(new KeyedRow(row.path("key").asText(), row.path("row"))));
        List<PartitionAnswer> answered = new ArrayList<>();
        body.path("answered").forEach(answer -> answered.add(new PartitionAnswer(answer.path("partition").asInt(),
                answer.path("standby").asBoolean(), answer.path("lagRecords").asLong())));
        Map<Integer, String> declined = new HashMap<>();
        body.path("declined").forEach(entry -> declined.put(entry.path("partition").asInt(), entry.path("reason").asText()));
        return new LocalPage(body.path("answeredBy").asText(), rows, answered, declined);
    }
}
