package io.mesosevents.cli.config;

import java.util.Locale;

/**
 * The one naming rule that ties the three ways of giving a setting together: the flag
 * {@code --kafka-port}, the properties-file key {@code kafka-port} and the environment variable
 * {@code MESOS_EVENTS_KAFKA_PORT}.
 */
public final class SettingNames {

    public static final String ENV_PREFIX = "MESOS_EVENTS_";

    private SettingNames() {
    }

    /** {@code --kafka-port} → {@code kafka-port}. */
    public static String key(String longOptionName) {
        return longOptionName.replaceFirst("^-+", "");
    }

    /** {@code --kafka-port} or {@code kafka-port} → {@code MESOS_EVENTS_KAFKA_PORT}. */
    public static String environmentVariable(String optionNameOrKey) {
        return ENV_PREFIX + key(optionNameOrKey).replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
