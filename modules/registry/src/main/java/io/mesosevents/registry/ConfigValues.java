package io.mesosevents.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Typed reads from the loosely typed {@code Map<String, ?>} that Kafka hands to serializers and
 * that users build by hand: values may be strings, numbers, booleans or Kafka {@link Password}s.
 */
public final class ConfigValues {

    private final Map<String, ?> values;

    public ConfigValues(Map<String, ?> values) {
        this.values = Map.copyOf(withoutNulls(values));
    }

    private static Map<String, ?> withoutNulls(Map<String, ?> values) {
        var copy = new HashMap<String, Object>();
        values.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    /** The trimmed string value, empty when absent or blank. */
    public Optional<String> string(String key) {
        Object value = values.get(key);
        String text = value instanceof Password password ? password.value() : value == null ? null : value.toString();
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    public boolean bool(String key, boolean defaultValue) {
        return string(key).map(text -> parseBoolean(key, text)).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue) {
        return (int) number(key, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public long longValue(String key, long defaultValue) {
        return number(key, defaultValue, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private long number(String key, long defaultValue, long min, long max) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.get());
            if (value < min || value > max) {
                throw new ConfigException(key, text.get(), "out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, text.get(), "not a whole number");
        }
    }

    private static boolean parseBoolean(String key, String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException(key, text, "expected true or false");
    }
}
