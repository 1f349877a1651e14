package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.UncheckedIOException;
import java.util.Map;

/** JSON answers, as Marathon writes them: errors are {@code {"message": …}}. */
final class JsonResponses {

    private final ObjectMapper mapper;

    JsonResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static Map<String, String> message(String message) {
        return Map.of("message", message);
    }

    void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
