package io.mesosevents.ingestor.mesos;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;

/** Mesos labels as the string maps of the schema. */
final class LabelMaps {

    private LabelMaps() {
    }

    /** Labels by key, in Mesos' order; a label without value maps to "" (Avro map values cannot be null). */
    static Map<String, String> of(Labels labels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Label label : labels.getLabelsList()) {
            map.put(label.getKey(), label.getValue());
        }
        return map;
    }
}
