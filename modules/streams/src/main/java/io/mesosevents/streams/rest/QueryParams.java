package io.mesosevents.streams.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of one request, checked against what the route takes: an unknown or repeated
 * parameter is a 400 naming it, never silently ignored (a misspelt filter would otherwise return
 * everything).
 */
final class QueryParams {

    static final String LIMIT = "limit";
    static final String CURSOR = CursorCodec.PARAMETER;
    static final String MAX_LAG = "maxLag";
    /** The instant a single entity is read as of (see {@link AsOfParameter}). */
    static final String AS_OF = "asOf";

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /** @param allowed the parameters the route takes; anything else is a 400 */
    static QueryParams of(Map<String, List<String>> values, Set<String> allowed) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw ApiError.badParameter(entry.getKey(), "is unknown; this route takes "
                        + (allowed.isEmpty() ? "no parameters" : String.join(", ", new TreeSet<>(allowed))));
            }
            if (entry.getValue().size() > 1) {
                throw ApiError.badParameter(entry.getKey(), "is given more than once");
            }
        }
        return new QueryParams(Map.copyOf(values));
    }

    /** The value of {@code name}, if given; an empty value is a 400. */
    Optional<String> get(String name) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return Optional.empty();
        }
        String value = given.get(0);
        if (value.isEmpty()) {
            throw ApiError.badParameter(name, "is empty");
        }
        return Optional.of(value);
    }

    /** {@code limit}: 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}. */
    int limit() {
        return get(LIMIT).map(value -> {
            int limit = integer(LIMIT, value);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiError.badParameter(LIMIT, "must be between 1 and " + MAX_LIMIT + ", not " + limit);
            }
            return limit;
        }).orElse(DEFAULT_LIMIT);
    }

    /** The key after which the page starts, from {@code cursor}. */
    Optional<String> after() {
        return get(CURSOR).map(CursorCodec::decode);
    }

    /** {@code maxLag}: how many records a standby may be behind to answer; not negative. */
    long maxLag(long defaultMaxLag) {
        return get(MAX_LAG).map(value -> {
            long maxLag;
            try {
                maxLag = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw ApiError.badParameter(MAX_LAG, "must be a whole number of records, not '" + value + "'");
            }
            if (maxLag < 0) {
                throw ApiError.badParameter(MAX_LAG, "must not be negative");
            }
            return maxLag;
        }).orElse(defaultMaxLag);
    }

    /** An enum value by its name, case-insensitively; anything else is a 400 listing the names. */
    <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return get(name).map(value -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw ApiError.badParameter(name, "has no value '" + value + "'; use one of " + String.join(", ", names));
        });
    }

    /** A value from a fixed set of lower-case words; anything else is a 400 listing them. */
    Optional<String> word(String name, List<String> words) {
        return get(name).map(value -> {
            String lower = value.toLowerCase(Locale.ROOT);
            if (!words.contains(lower)) {
                throw ApiError.badParameter(name, "has no value '" + value + "'; use one of " + String.join(", ", words));
            }
            return lower;
        });
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiError.badParameter(name, "must be a whole number, not '" + value + "'");
        }
    }
}
