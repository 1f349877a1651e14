package io.mesosevents.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * Schema compatibility levels, with the names and meaning the Confluent Schema Registry gives them.
 *
 * <p>BACKWARD: consumers using the new schema can read data written with the previous one.
 * FORWARD: consumers using the previous schema can read data written with the new one.
 * FULL: both. The {@code _TRANSITIVE} forms check against every live version instead of the
 * latest one only; NONE disables checks.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema must be able to read data written with the existing ones. */
    public boolean backward() {
        return backward;
    }

    /** The existing schemas must be able to read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every live version rather than the latest one only. */
    public boolean transitive() {
        return transitive;
    }

    /** Parses a level name case-insensitively, as the Confluent registry does; empty if unknown. */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
