package io.mesosevents.registry.client;

import java.util.Objects;
import org.apache.avro.Schema;

/** One version of a subject: the registry's answer to a version fetch or a schema lookup. */
public record RegisteredSchema(String subject, int id, int version, String schema) {

    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }

    /** Parses the schema text. */
    public Schema avroSchema() {
        return new Schema.Parser().parse(schema);
    }
}
