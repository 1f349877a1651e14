package io.mesosevents.model.schema;

/**
 * One reason why a reader schema cannot read data written with a writer schema.
 *
 * @param type      Avro's incompatibility type, e.g. {@code READER_FIELD_MISSING_DEFAULT_VALUE}
 * @param location  JSON pointer into the reader schema, e.g. {@code /fields/8/type/1/fields/3/type}
 * @param fieldPath the same place by field names, e.g. {@code MesosTaskEvent.status.reason}
 * @param message   Avro's explanation
 */
public record FieldIncompatibility(String type, String location, String fieldPath, String message) {
}
