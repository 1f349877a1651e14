package io.mesosevents.registry.server;

import io.mesosevents.registry.CompatibilityLevel;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the registry's {@link SchemaLog}. Each record has a key ({@link #key()}); a later
 * record with the same key replaces the earlier one, and the removal records are tombstones, so
 * that a compacted log keeps exactly the current state.
 */
public sealed interface SchemaLogRecord {

    /** The identity of what this record sets or removes. */
    Key key();

    /**
     * What a record is about: a subject's version, a compatibility setting (of a subject, or the
     * global one when {@code subject} is empty), or the id watermark (no subject).
     */
    record Key(Kind kind, Optional<String> subject, int version) {
        public enum Kind { SCHEMA, CONFIG, ID_WATERMARK }

        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** Version {@code version} of {@code subject} is schema {@code id}; {@code deleted} marks a soft delete. */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) implements SchemaLogRecord {
        public SchemaVersion {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
        }

        @Override
        public Key key() {
            return new Key(Key.Kind.SCHEMA, Optional.of(subject), version);
        }

        public SchemaVersion softDeleted() {
            return new SchemaVersion(subject, version, id, schema, true);
        }
    }

    /** Version {@code version} of {@code subject} was deleted permanently. */
    record SchemaVersionRemoved(String subject, int version) implements SchemaLogRecord {
        public SchemaVersionRemoved {
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public Key key() {
            return new Key(Key.Kind.SCHEMA, Optional.of(subject), version);
        }
    }

    /** The compatibility level of {@code subject}, or the global one when {@code subject} is empty. */
    record Compatibility(Optional<String> subject, CompatibilityLevel level) implements SchemaLogRecord {
        public Compatibility {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(level, "level");
        }

        @Override
        public Key key() {
            return new Key(Key.Kind.CONFIG, subject, 0);
        }
    }

    /** The subject's own compatibility level was removed; it follows the global one again. */
    record CompatibilityRemoved(String subject) implements SchemaLogRecord {
        public CompatibilityRemoved {
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public Key key() {
            return new Key(Key.Kind.CONFIG, Optional.of(subject), 0);
        }
    }

    /**
     * Every schema id up to {@code highestId} has been assigned, even if compaction has since dropped
     * the records of the schemas that had them; no id up to it may be given to a new schema.
     */
    record IdWatermark(int highestId) implements SchemaLogRecord {
        @Override
        public Key key() {
            return new Key(Key.Kind.ID_WATERMARK, Optional.empty(), 0);
        }
    }
}
