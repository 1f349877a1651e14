package io.mesosevents.streams.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The value of the {@link Forwarder#HEADER} header: what a forwarded request asks the receiver to
 * answer from its own stores.
 *
 * <ul>
 *   <li>{@code key=<base64url key>}: one entity, under exactly this store key (the route's id may have
 *       had several candidate keys; the sender has picked one);</li>
 *   <li>{@code partitions=0,3,5}: a collection page over these store partitions;</li>
 *   <li>{@code local}: this instance's own report (instances).</li>
 * </ul>
 */
record ForwardedScope(Optional<String> key, List<Integer> partitions) {

    private static final String KEY = "key=";
    private static final String PARTITIONS = "partitions=";
    static final String LOCAL = "local";

    ForwardedScope {
        partitions = List.copyOf(partitions);
    }

    static String ofKey(String key) {
        return KEY + CursorCodec.encode(key);
    }

    static String ofPartitions(Collection<Integer> partitions) {
        return PARTITIONS + partitions.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Reads a header value; a value this version does not understand is a 400, not a silent full answer. */
    static ForwardedScope parse(String value) {
        if (value.startsWith(KEY)) {
            try {
                return new ForwardedScope(Optional.of(CursorCodec.decode(value.substring(KEY.length()))), List.of());
            } catch (ApiError e) {
                throw invalid(value);
            }
        }
        if (value.startsWith(PARTITIONS)) {
            List<Integer> partitions = new ArrayList<>();
            String list = value.substring(PARTITIONS.length());
            try {
                for (String partition : list.isEmpty() ? new String[0] : list.split(",")) {
                    partitions.add(Integer.parseInt(partition.trim()));
                }
            } catch (NumberFormatException e) {
                throw invalid(value);
            }
            return new ForwardedScope(Optional.empty(), partitions);
        }
        if (value.equals(LOCAL)) {
            return new ForwardedScope(Optional.empty(), List.of());
        }
        throw invalid(value);
    }

    private static ApiError invalid(String value) {
        return ApiError.badParameter(Forwarder.HEADER, "(header) has an invalid value '" + value + "'");
    }
}
