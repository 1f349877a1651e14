package io.mesosevents.ingestor;

import io.mesosevents.model.Topic;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record to write to Kafka. The topic is the unprefixed {@link Topic}: the writer applies the
 * configured prefix. The key is the plain UTF-8 string the topic's key description names.
 */
public record OutboundRecord(Topic topic, String key, SpecificRecord value) {

    public OutboundRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        // A value of another topic's type would be registered under the wrong subject; fail where the
        // mistake is made. Generated records share their schema instance with Topic, so this is cheap.
        if (!value.getSchema().equals(topic.valueSchema())) {
            throw new IllegalArgumentException("a " + value.getSchema().getFullName()
                    + " does not belong on topic " + topic.defaultName());
        }
    }
}
