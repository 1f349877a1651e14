package io.mesosevents.model.schema;

/**
 * A current topic schema that cannot read data written with a released baseline schema.
 *
 * @param topic           default topic name
 * @param baselineVersion the release whose schema the current one cannot read
 * @param fieldPath       the field that broke, e.g. {@code MesosTaskEvent.status.reason}
 * @param type            Avro's incompatibility type, or {@code TOPIC_REMOVED}
 * @param location        JSON pointer into the current schema
 * @param message         what is wrong
 */
public record Incompatibility(String topic, String baselineVersion, String fieldPath, String type,
        String location, String message) {

    static Incompatibility of(String topic, String baselineVersion, FieldIncompatibility problem) {
        return new Incompatibility(topic, baselineVersion, problem.fieldPath(), problem.type(), problem.location(),
                problem.message());
    }

    static Incompatibility topicRemoved(String topic, String baselineVersion) {
        return new Incompatibility(topic, baselineVersion, topic, "TOPIC_REMOVED", "/",
                "the topic has a schema in baseline " + baselineVersion + " but none now");
    }

    /** One line for build output. */
    public String describe() {
        return String.format("%s vs baseline %s: %s: %s at %s (%s)", topic, baselineVersion, fieldPath, type,
                location, message);
    }
}
