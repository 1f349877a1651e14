package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The {@code data} of the watch's events.
 *
 * <ul>
 *   <li>a change: {@code {"key": "<cluster>/<id>", "type": "task", "row": {…} or null for a deletion,
 *       "timestamp": ISO-8601 record time}};</li>
 *   <li>a gap: {@code {"skipped": [{"type", "topic", "partition", "from", "resumedAt", "reason"}],
 *       "timestamp": ISO-8601 now}}.</li>
 * </ul>
 */
final class WatchEvents {

    static final String GAP = "gap";

    private WatchEvents() {
    }

    static ObjectNode change(WatchType type, String key, SpecificRecord row, Instant timestamp) {
        ObjectNode data = JsonBodies.object();
        data.put("key", key);
        data.put("type", type.eventName());
        if (row == null) {
            data.putNull("row");
        } else {
            data.set("row", AvroJsonRenderer.render(row));
        }
        data.put("timestamp", timestamp.toString());
        return data;
    }

    static ObjectNode gap(List<WatchGap> gaps, Instant now) {
        ObjectNode data = JsonBodies.object();
        ArrayNode skipped = data.putArray("skipped");
        gaps.forEach(gap -> skipped.addObject().put("type", gap.type().eventName()).put("topic", gap.partition().topic())
                .put("partition", gap.partition().partition()).put("from", gap.from()).put("resumedAt", gap.resumedAt())
                .put("reason", gap.reason()));
        data.put("timestamp", now.toString());
        return data;
    }
}
