package io.mesosevents.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mesosevents.registry.CompatibilityLevel;
import io.mesosevents.registry.server.CompatibilityChecker.Existing;
import io.mesosevents.registry.server.SchemaLogRecord.Compatibility;
import io.mesosevents.registry.server.SchemaLogRecord.CompatibilityRemoved;
import io.mesosevents.registry.server.SchemaLogRecord.IdWatermark;
import io.mesosevents.registry.server.SchemaLogRecord.SchemaVersion;
import io.mesosevents.registry.server.SchemaLogRecord.SchemaVersionRemoved;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's operations with Confluent's semantics and errors. Every change is appended to the
 * {@link SchemaLog} first and applied to the in-memory {@link RegistryState} only once durable.
 * Methods are synchronized: the registry is the log's single writer and serialises its requests.
 *
 * <p>A failed append does not mean the record is absent: a Kafka send that timed out may still be
 * written. The state would then lack a record the log has, and the next registration could give
 * the same id or version to another schema, while a replay, where the first record wins, serves the
 * first schema under it. So after a failed append the state is not trusted: the next request, read
 * or write, first rebuilds it from the log, and the registry answers 500 until such a replay
 * succeeds. {@link SchemaLog#replay} promises that it sees any such record that will ever exist.
 */
final class Registry {

    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

    private final SchemaLog log;
    private final CompatibilityChecker checker = new CompatibilityChecker();
    /** The log's content; read it through {@link #state()}. */
    private RegistryState state;
    /** An append failed since {@link #state} was last rebuilt, so the log may hold more than it. */
    private boolean stateUnsure;

    /** Rebuilds the state from {@code log}. */
    Registry(SchemaLog log) {
        this.log = log;
        this.state = replay();
    }

    synchronized int schemaCount() {
        return state().schemaCount();
    }

    /** Registers {@code schemaText} under {@code subject} and returns its id; an already live schema keeps its version. */
    synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        List<SchemaVersion> live = state().versions(subject, false);
        for (SchemaVersion version : live) {
            if (version.schema().equals(canonical)) {
                return version.id();
            }
        }
        List<String> problems = checker.incompatibilities(state().effectiveLevel(subject), schema, existing(live));
        if (!problems.isEmpty()) {
            throw RegistryError.incompatible(subject, problems.toString());
        }
        int id = state().id(canonical).orElse(state().nextId());
        NavigableMap<Integer, SchemaVersion> all = state().allVersions(subject);
        int version = all.isEmpty() ? 1 : all.lastKey() + 1;
        append(new SchemaVersion(subject, version, id, canonical, false));
        LOG.info("Registered schema id {} as version {} of subject '{}'", id, version, subject);
        return id;
    }

    /** The version of {@code subject} holding {@code schemaText}. */
    synchronized SchemaVersion lookup(String subject, String schemaText, boolean includeDeleted) {
        String canonical = parse(schemaText).toString();
        List<SchemaVersion> versions = state().versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        SchemaVersion match = null;
        for (SchemaVersion version : versions) {
            if (version.schema().equals(canonical)) {
                match = version;
            }
        }
        if (match == null) {
            throw RegistryError.schemaNotFound();
        }
        return match;
    }

    synchronized Schema schemaById(int id) {
        return state().schema(id).orElseThrow(() -> RegistryError.schemaNotFound(Integer.toString(id)));
    }

    synchronized List<SchemaVersion> versionsWithId(int id, boolean includeDeleted) {
        schemaById(id);
        return state().versionsWithId(id, includeDeleted);
    }

    synchronized List<String> subjects(boolean includeDeleted) {
        return state().subjects(includeDeleted);
    }

    synchronized List<Integer> versions(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = state().versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return numbers(versions);
    }

    synchronized SchemaVersion version(String subject, VersionSpec spec, boolean includeDeleted) {
        List<SchemaVersion> versions = state().versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        if (spec.isLatest()) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(version -> version.version() == spec.number()).findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(spec.number()));
    }

    /** Soft-deletes every live version, or removes every soft-deleted one when {@code permanent}. */
    synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        List<SchemaVersion> all = state().versions(subject, true);
        if (all.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        List<SchemaVersion> live = state().versions(subject, false);
        if (permanent) {
            if (!live.isEmpty()) {
                throw RegistryError.subjectNotSoftDeleted(subject);
            }
            appendIdWatermark();
            all.forEach(version -> append(new SchemaVersionRemoved(subject, version.version())));
            if (state().subjectLevel(subject).isPresent()) {
                append(new CompatibilityRemoved(subject));
            }
            LOG.info("Permanently deleted subject '{}' (versions {})", subject, numbers(all));
            return numbers(all);
        }
        if (live.isEmpty()) {
            throw RegistryError.subjectSoftDeleted(subject);
        }
        live.forEach(version -> append(version.softDeleted()));
        LOG.info("Soft-deleted subject '{}' (versions {})", subject, numbers(live));
        return numbers(live);
    }

    /** Soft-deletes a live version, or removes a soft-deleted one when {@code permanent}. */
    synchronized int deleteVersion(String subject, VersionSpec spec, boolean permanent) {
        List<SchemaVersion> candidates = state().versions(subject, permanent);
        if (state().versions(subject, true).isEmpty() || candidates.isEmpty() && spec.isLatest()) {
            throw RegistryError.subjectNotFound(subject);
        }
        SchemaVersion target = spec.isLatest()
                ? candidates.get(candidates.size() - 1)
                : Optional.ofNullable(state().allVersions(subject).get(spec.number()))
                        .orElseThrow(() -> RegistryError.versionNotFound(spec.number()));
        if (permanent) {
            if (!target.deleted()) {
                throw RegistryError.versionNotSoftDeleted(subject, target.version());
            }
            appendIdWatermark();
            append(new SchemaVersionRemoved(subject, target.version()));
        } else {
            if (target.deleted()) {
                throw RegistryError.versionSoftDeleted(subject, target.version());
            }
            append(target.softDeleted());
        }
        LOG.info("{} version {} of subject '{}'", permanent ? "Permanently deleted" : "Soft-deleted", target.version(), subject);
        return target.version();
    }

    /**
     * Why {@code schemaText} could not be registered next to the chosen version under the subject's
     * level; empty when it could. Testing against the latest version of a subject without live
     * versions passes, as with Confluent.
     */
    synchronized List<String> compatibilityProblems(String subject, VersionSpec spec, String schemaText) {
        Schema schema = parse(schemaText);
        List<SchemaVersion> live = state().versions(subject, false);
        if (live.isEmpty()) {
            if (spec.isLatest()) {
                return List.of();
            }
            throw RegistryError.subjectNotFound(subject);
        }
        SchemaVersion target = version(subject, spec, false);
        return checker.incompatibilities(state().effectiveLevel(subject), schema, existing(List.of(target)));
    }

    synchronized CompatibilityLevel globalLevel() {
        return state().globalLevel();
    }

    synchronized void setGlobalLevel(CompatibilityLevel level) {
        append(new Compatibility(Optional.empty(), level));
        LOG.info("Global compatibility level set to {}", level);
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return state().subjectLevel(subject);
    }

    synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
        append(new Compatibility(Optional.of(subject), level));
        LOG.info("Compatibility level of subject '{}' set to {}", subject, level);
    }

    /** Makes the subject follow the global level again and returns the level it had. */
    synchronized CompatibilityLevel deleteSubjectLevel(String subject) {
        CompatibilityLevel previous = state().subjectLevel(subject)
                .orElseThrow(() -> RegistryError.subjectNotFound(subject));
        append(new CompatibilityRemoved(subject));
        LOG.info("Compatibility level of subject '{}' removed (was {})", subject, previous);
        return previous;
    }

    private void append(SchemaLogRecord record) {
        try {
            log.append(record);
        } catch (RuntimeException e) {
            stateUnsure = true;
            LOG.error("Cannot append {} to the schema log; the registry reloads the log before its next answer",
                    record.key(), e);
            throw RegistryError.storeError();
        }
        state.apply(record);
    }

    /** The state to answer from: rebuilt from the log first if an append failed since the last rebuild. */
    private RegistryState state() {
        if (stateUnsure) {
            try {
                state = replay();
            } catch (RuntimeException e) {
                LOG.error("Cannot reload the schema log after a failed append", e);
                throw RegistryError.storeUnavailable();
            }
            stateUnsure = false;
            LOG.info("Reloaded the schema log after a failed append: {} schema(s)", state.schemaCount());
        }
        return state;
    }

    private RegistryState replay() {
        RegistryState fresh = new RegistryState();
        log.replay(fresh::apply);
        return fresh;
    }

    /**
     * Records the highest id assigned so far; called before a permanent delete, whose tombstones
     * let compaction drop what may be the only records naming that id.
     */
    private void appendIdWatermark() {
        append(new IdWatermark(state().highestId()));
    }

    private List<Existing> existing(List<SchemaVersion> versions) {
        List<Existing> existing = new ArrayList<>();
        for (SchemaVersion version : versions) {
            existing.add(new Existing(version.version(), schemaById(version.id())));
        }
        return existing;
    }

    private static List<Integer> numbers(List<SchemaVersion> versions) {
        return versions.stream().map(SchemaVersion::version).toList();
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("the request has no schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (AvroRuntimeException | IllegalArgumentException e) {
            // Besides SchemaParseException, Avro rejects bad defaults with AvroTypeException and some names with IAE.
            throw RegistryError.invalidSchema(e.getCause() instanceof JsonProcessingException json
                    ? "not valid JSON: " + json.getOriginalMessage()
                    : e.getMessage());
        }
    }
}
