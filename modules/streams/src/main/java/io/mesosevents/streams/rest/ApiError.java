package io.mesosevents.streams.rest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An answer other than success, as the client will see it: HTTP status, a message, and the fields
 * that say what was wrong ({@code id}, {@code parameter}, {@code store}, …). Every error body is
 * {@code {"error": message, …fields}}; a 503 also carries {@code Retry-After}.
 *
 * <p>These are expected outcomes (a typo in a parameter, an unknown id, a rebalance), so no stack
 * trace is recorded.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, Object> fields;
    private final transient Optional<Duration> retryAfter;

    private ApiError(int status, String message, Map<String, Object> fields, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.fields = Map.copyOf(fields);
        this.retryAfter = retryAfter;
    }

    /** 400: a query parameter is invalid; {@code why} completes "parameter 'x' …". */
    public static ApiError badParameter(String parameter, String why) {
        return new ApiError(400, "parameter '" + parameter + "' " + why, Map.of("parameter", parameter), Optional.empty());
    }

    /** 400: an id in the path is not of the form the route needs. */
    public static ApiError badId(String id, String why) {
        return new ApiError(400, "id '" + id + "' " + why, Map.of("id", id), Optional.empty());
    }

    /** 404: no {@code what} (e.g. "task") with this id. */
    public static ApiError notFound(String what, String id) {
        return new ApiError(404, "no " + what + " '" + id + "'", Map.of("id", id), Optional.empty());
    }

    /** 404: the view behind a route is not part of this application's topology (yet). */
    public static ApiError storeNotServed(String store) {
        return new ApiError(404, "the '" + store + "' view is not served by this version of the views application",
                Map.of("store", store), Optional.empty());
    }

    /** 503: no instance may answer now (rebalance, owner down, standbys too far behind); retry later. */
    public static ApiError unavailable(String message, Duration retryAfter) {
        return new ApiError(503, message, Map.of(), Optional.of(retryAfter));
    }

    /** 503 with extra fields, e.g. the Kafka Streams state of a not-ready instance. */
    public static ApiError unavailable(String message, Duration retryAfter, Map<String, Object> fields) {
        return new ApiError(503, message, fields, Optional.of(retryAfter));
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** The JSON body: {@code error} first, then the fields. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.putAll(fields);
        return body;
    }
}
