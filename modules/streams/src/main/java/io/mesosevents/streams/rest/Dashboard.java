package io.mesosevents.streams.rest;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The web dashboard: static files bundled in the jar under {@code /dashboard} on the class path,
 * served at {@code /} ({@code /} itself answers {@code index.html}). They are served only where no route
 * matches, so the API keeps its paths and its JSON 404s, and after the before-handlers, so
 * {@link AuthFilter} guards the page like the API it reads.
 */
final class Dashboard {

    static final String CLASSPATH_DIRECTORY = "/dashboard";

    /**
     * The page loads its own scripts, styles and API only: the policy makes any markup that slipped
     * into the page inert, and no other site may frame it.
     */
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                    + "form-action 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            // Small files that change with each release: revalidate rather than run a stale script against a newer API.
            "Cache-Control", "no-cache");

    private Dashboard() {
    }

    static void install(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = CLASSPATH_DIRECTORY;
            files.location = Location.CLASSPATH;
            files.headers = HEADERS;
        });
    }
}
