package io.mesosevents.replay.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Splits {@code marathon.events} by payload type for CSV and Parquet. Its {@code payload} is a union
 * of about forty records: CSV cannot have one header for all of them, and Parquet turns such a union
 * into anonymous {@code member0, member1, …} columns. So each payload type gets its own files
 * ({@code event_type=status_update_event/…}) whose schema is the envelope with {@code payload} as that
 * one record. A payload record without fields (SchedulerDisconnectedEvent) is left out of its schema:
 * Parquet cannot store an empty group, and the directory name already says what the event is.
 */
public final class PayloadSplit {

    static final String FIELD = "payload";

    /** Split schemas by (envelope schema, branch schema): both are compared by identity of content, so a cache keeps this cheap. */
    private final Map<List<Schema>, Schema> schemas = new ConcurrentHashMap<>();

    /** Whether values of {@code schema} are split: a record with a {@code payload} union of several records. */
    public static boolean applies(Schema schema) {
        Schema.Field payload = schema.getType() == Schema.Type.RECORD ? schema.getField(FIELD) : null;
        return payload != null && payload.schema().getType() == Schema.Type.UNION
                && payload.schema().getTypes().stream().filter(t -> t.getType() == Schema.Type.RECORD).count() > 1;
    }

    /** The directory name of a payload record type: StatusUpdateEvent → status_update_event. */
    public static String branchName(Schema branch) {
        return snakeCase(branch.getName());
    }

    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            boolean boundary = Character.isUpperCase(c) && i > 0
                    && (Character.isLowerCase(camel.charAt(i - 1)) || Character.isDigit(camel.charAt(i - 1))
                    || (i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1)) && Character.isUpperCase(camel.charAt(i - 1))));
            if (boundary) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** The payload's record type of {@code value}, if it has a payload. */
    public static Optional<Schema> branchOf(GenericRecord value) {
        Object payload = value.get(FIELD);
        return payload instanceof GenericRecord record ? Optional.of(record.getSchema()) : Optional.empty();
    }

    /** The schema of the split files for {@code branch}: {@code envelope} with its payload as that record. */
    public Schema schemaFor(Schema envelope, Schema branch) {
        return schemas.computeIfAbsent(List.of(envelope, branch), key -> build(envelope, branch));
    }

    private static Schema build(Schema envelope, Schema branch) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : envelope.getFields()) {
            if (!field.name().equals(FIELD)) {
                fields.add(new Schema.Field(field, field.schema()));
            } else if (!branch.getFields().isEmpty()) {
                fields.add(new Schema.Field(FIELD, branch, field.doc()));
            }
        }
        Schema split = Schema.createRecord(envelope.getName(), envelope.getDoc(), envelope.getNamespace(), false, fields);
        envelope.getObjectProps().forEach(split::addProp);
        return split;
    }

    /** {@code value} as a record of {@code split}, made by {@link #schemaFor}; the field values are shared, not copied. */
    public static GenericRecord project(GenericRecord value, Schema split) {
        GenericRecord projected = new GenericData.Record(split);
        for (Schema.Field field : split.getFields()) {
            projected.put(field.pos(), value.get(field.name()));
        }
        return projected;
    }
}
