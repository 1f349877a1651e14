package io.mesosevents.registry.server;

import io.mesosevents.registry.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Decides whether a new schema may follow existing versions under a compatibility level, using
 * Avro's own schema-resolution rules ({@link SchemaCompatibility}): BACKWARD reads the existing
 * versions' data with the new schema, FORWARD reads the new schema's data with the existing ones.
 */
final class CompatibilityChecker {

    /** An existing live version of a subject. */
    record Existing(int version, Schema schema) {
    }

    /**
     * Explains every incompatibility of {@code candidate} with {@code existing} (oldest first)
     * under {@code level}; an empty list means compatible. Non-transitive levels look at the last
     * (latest) version only.
     */
    List<String> incompatibilities(CompatibilityLevel level, Schema candidate, List<Existing> existing) {
        List<String> messages = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
            return messages;
        }
        List<Existing> checked = level.transitive() ? existing : existing.subList(existing.size() - 1, existing.size());
        for (Existing old : checked) {
            String oldName = "version " + old.version();
            if (level.backward()) {
                explain(messages, level, candidate, "the new schema", old.schema(), oldName);
            }
            if (level.forward()) {
                explain(messages, level, old.schema(), oldName, candidate, "the new schema");
            }
        }
        return messages;
    }

    private static void explain(List<String> messages, CompatibilityLevel level,
                                Schema reader, String readerName, Schema writer, String writerName) {
        for (Incompatibility incompatibility :
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()) {
            messages.add(level + ": " + readerName + " cannot read data written with " + writerName + ": "
                    + incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                    + reason(incompatibility, readerName, writerName));
        }
    }

    private static String reason(Incompatibility incompatibility, String readerName, String writerName) {
        String detail = incompatibility.getMessage();
        return switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE ->
                    "field '" + detail + "' is in " + readerName + " without a default value and missing from " + writerName;
            case MISSING_ENUM_SYMBOLS -> readerName + " lacks enum symbol(s) " + detail + " of " + writerName;
            case MISSING_UNION_BRANCH -> readerName + " has no union branch for " + detail;
            default -> detail;
        };
    }
}
