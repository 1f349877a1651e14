package io.mesosevents.streams.rest;

import io.javalin.http.Context;

/** Writing JSON answers. */
final class Responses {

    private Responses() {
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JsonBodies.CONTENT_TYPE).result(JsonBodies.write(body));
    }

    /** An error answer: its JSON body, and {@code Retry-After} (whole seconds) on a 503. */
    static void error(Context ctx, ApiError error) {
        error.retryAfter().ifPresent(after -> ctx.header("Retry-After", Long.toString(Math.max(1, after.toSeconds()))));
        json(ctx, error.status(), error.body());
    }
}
