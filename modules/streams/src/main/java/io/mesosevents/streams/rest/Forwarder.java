package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a query to another instance of the application over HTTP, marked as forwarded so that the
 * receiver answers from its own stores and never forwards it again (no loops, whatever the two
 * instances believe about the assignment).
 */
final class Forwarder {

    /** Marks a forwarded request; its value says what to answer (see {@link ForwardedScope}). */
    static final String HEADER = "X-Mesos-Events-Forwarded";

    /** The other instance's HTTP answer, or why there was none. */
    sealed interface Reply {

        record Answered(int status, JsonNode body) implements Reply {
        }

        record Unreachable(String reason) implements Reply {
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final HttpPeerSecurity security;

    Forwarder(Duration connectTimeout, Duration requestTimeout) {
        this(connectTimeout, requestTimeout, HttpPeerSecurity.plain());
    }

    /** Over {@code security}'s scheme and TLS trust, every request carrying its credentials. */
    Forwarder(Duration connectTimeout, Duration requestTimeout, HttpPeerSecurity security) {
        this.client = security.configure(HttpClient.newBuilder()).connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = requestTimeout;
        this.security = security;
    }

    /** GET {@code pathAndQuery} on {@code host}; never completes exceptionally. */
    CompletableFuture<Reply> get(HostInfo host, String pathAndQuery, String scope) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(security.scheme() + "://" + host.host() + ":"
                    + host.port() + pathAndQuery))
                    .timeout(requestTimeout).header(HEADER, scope).header("Accept", JsonBodies.CONTENT_TYPE);
            security.authorization().ifPresent(value -> builder.header("Authorization", value));
            request = builder.GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Reply.Unreachable("cannot address " + host + ": " + e.getMessage()));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .<Reply>thenApply(response -> parse(response.statusCode(), response.body()))
                .exceptionally(failure -> new Reply.Unreachable(describe(failure)));
    }

    private static Reply parse(int status, String body) {
        try {
            return new Reply.Answered(status, JsonBodies.read(body));
        } catch (UncheckedIOException e) {
            return new Reply.Unreachable("answered HTTP " + status + " without a JSON body");
        }
    }

    /** One line, no stack trace: an instance going away is an expected event. */
    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
