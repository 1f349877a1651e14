package io.mesosevents.model;

/**
 * Kafka {@code cleanup.policy} of a topic. Kept here rather than taken from kafka-clients
 * because the model must not depend on Kafka.
 */
public enum CleanupPolicy {
    /** Time/size-retained log: every event is kept until retention drops it. */
    DELETE("delete"),
    /** Compacted table: the latest value per key is kept; a null value (tombstone) deletes the key. */
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value for the topic config {@code cleanup.policy}. */
    public String configValue() {
        return configValue;
    }
}
