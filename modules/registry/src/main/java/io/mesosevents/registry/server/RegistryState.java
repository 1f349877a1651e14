package io.mesosevents.registry.server;

import io.mesosevents.registry.CompatibilityLevel;
import io.mesosevents.registry.server.SchemaLogRecord.Compatibility;
import io.mesosevents.registry.server.SchemaLogRecord.CompatibilityRemoved;
import io.mesosevents.registry.server.SchemaLogRecord.IdWatermark;
import io.mesosevents.registry.server.SchemaLogRecord.SchemaVersion;
import io.mesosevents.registry.server.SchemaLogRecord.SchemaVersionRemoved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's state as the fold of its log records: subjects and their versions, the global
 * schema ids, and compatibility settings. Not thread-safe; {@link Registry} serialises access.
 */
final class RegistryState {

    /** Confluent's default global level. */
    static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonicalSchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
    /**
     * The highest id in any schema record or id watermark applied. Compaction drops the records of
     * permanently deleted versions, so after a restart it is the watermark that {@link Registry}
     * writes before each permanent delete which keeps their ids from being given to a new schema.
     */
    private int highestId;

    void apply(SchemaLogRecord record) {
        if (record instanceof SchemaVersion version) {
            Schema schema = schemasById.computeIfAbsent(version.id(), id -> parse(version));
            SchemaVersion canonical = new SchemaVersion(version.subject(), version.version(), version.id(),
                    schema.toString(), version.deleted());
            subjects.computeIfAbsent(version.subject(), subject -> new TreeMap<>()).put(version.version(), canonical);
            idsByCanonicalSchema.putIfAbsent(canonical.schema(), version.id());
            highestId = Math.max(highestId, version.id());
        } else if (record instanceof IdWatermark watermark) {
            highestId = Math.max(highestId, watermark.highestId());
        } else if (record instanceof SchemaVersionRemoved removed) {
            remove(removed);
        } else if (record instanceof Compatibility compatibility) {
            compatibility.subject().ifPresentOrElse(
                    subject -> subjectLevels.put(subject, compatibility.level()),
                    () -> globalLevel = compatibility.level());
        } else if (record instanceof CompatibilityRemoved removed) {
            subjectLevels.remove(removed.subject());
        }
    }

    /** Every version of {@code subject}, soft-deleted ones included, by version number. */
    NavigableMap<Integer, SchemaVersion> allVersions(String subject) {
        return subjects.getOrDefault(subject, new TreeMap<>());
    }

    /** The versions of {@code subject} in order, soft-deleted ones only if asked. */
    List<SchemaVersion> versions(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = new ArrayList<>();
        for (SchemaVersion version : allVersions(subject).values()) {
            if (includeDeleted || !version.deleted()) {
                versions.add(version);
            }
        }
        return versions;
    }

    List<String> subjects(boolean includeDeleted) {
        List<String> names = new ArrayList<>();
        subjects.forEach((subject, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(version -> !version.deleted())) {
                names.add(subject);
            }
        });
        return names;
    }

    Optional<Schema> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The id already given to this schema text (in Avro's normalised JSON form), if any. */
    Optional<Integer> id(String canonicalSchema) {
        return Optional.ofNullable(idsByCanonicalSchema.get(canonicalSchema));
    }

    int highestId() {
        return highestId;
    }

    int nextId() {
        return highestId + 1;
    }

    /** Every version of every subject that is schema {@code id}. */
    List<SchemaVersion> versionsWithId(int id, boolean includeDeleted) {
        List<SchemaVersion> matches = new ArrayList<>();
        for (NavigableMap<Integer, SchemaVersion> versions : subjects.values()) {
            for (SchemaVersion version : versions.values()) {
                if (version.id() == id && (includeDeleted || !version.deleted())) {
                    matches.add(version);
                }
            }
        }
        return matches;
    }

    CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** The level that governs {@code subject}: its own, else the global one. */
    CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    int schemaCount() {
        return schemasById.size();
    }

    private void remove(SchemaVersionRemoved removed) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(removed.subject());
        if (versions == null) {
            return;
        }
        SchemaVersion gone = versions.remove(removed.version());
        if (versions.isEmpty()) {
            subjects.remove(removed.subject());
        }
        // A schema stays reachable by id while any version, even a soft-deleted one, still uses it.
        if (gone != null && versionsWithId(gone.id(), true).isEmpty()) {
            schemasById.remove(gone.id());
            idsByCanonicalSchema.remove(gone.schema(), gone.id());
        }
    }

    private static Schema parse(SchemaVersion version) {
        try {
            return new Schema.Parser().parse(version.schema());
        } catch (SchemaParseException e) {
            throw new SchemaLogException("Schema log holds an unparsable schema for subject '" + version.subject()
                    + "' version " + version.version() + " (id " + version.id() + "): " + e.getMessage(), e);
        }
    }
}
