package io.mesosevents.streams.rest;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;

/**
 * Runs before every route: a request without the configured credentials is answered 401 and goes no
 * further. Only {@link #OPEN_PATHS} pass without: liveness and readiness, which load balancers and
 * orchestrators probe without credentials and which reveal nothing of the data. Any other path,
 * unknown ones included, needs credentials, so a route added later is protected by default.
 */
final class AuthFilter implements Handler {

    static final Set<String> OPEN_PATHS = Set.of("/health", "/ready");

    private final AuthCheck check;
    private final AuthFailureLog failures;

    AuthFilter(AuthCheck check, AuthFailureLog failures) {
        this.check = check;
        this.failures = failures;
    }

    @Override
    public void handle(Context ctx) {
        if (OPEN_PATHS.contains(ctx.path())) {
            return;
        }
        AuthCheck.Verdict verdict = check.verify(ctx.header("Authorization"));
        if (verdict == AuthCheck.Verdict.ACCEPTED) {
            return;
        }
        failures.rejected(ctx.method().name(), ctx.path(), ctx.ip(), verdict);
        // The same answer whatever was wrong: nothing tells a caller which part to change.
        ctx.header("WWW-Authenticate", check.challenge());
        Responses.json(ctx, 401, JsonBodies.object().put("error", "authentication required"));
        ctx.skipRemainingHandlers();
    }
}
