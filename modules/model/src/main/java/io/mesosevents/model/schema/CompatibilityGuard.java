package io.mesosevents.model.schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Enforces BACKWARD_TRANSITIVE compatibility of the topic value schemas: the current schema of
 * every topic, as reader, must read data written with the schema of every released baseline,
 * because a replay reads the whole retained log, not just the last release's records.
 */
public final class CompatibilityGuard {

    private final Baselines baselines;

    public CompatibilityGuard(Baselines baselines) {
        this.baselines = baselines;
    }

    /**
     * Checks {@code currentByTopic} (topic name to current value schema) against every baseline.
     * A topic that a baseline has but {@code currentByTopic} lacks is reported too: its readers
     * would lose their schema. New topics need no baseline.
     *
     * @return every incompatibility, empty if the current schemas are safe to release
     */
    public List<Incompatibility> check(Map<String, Schema> currentByTopic) throws IOException {
        List<Incompatibility> found = new ArrayList<>();
        for (String version : baselines.versions()) {
            for (Map.Entry<String, Schema> released : baselines.load(version).entrySet()) {
                String topic = released.getKey();
                Schema current = currentByTopic.get(topic);
                if (current == null) {
                    found.add(Incompatibility.topicRemoved(topic, version));
                    continue;
                }
                for (FieldIncompatibility problem : ReaderWriterCheck.incompatibilities(current, released.getValue())) {
                    found.add(Incompatibility.of(topic, version, problem));
                }
            }
        }
        return List.copyOf(found);
    }
}
