package io.mesosevents.marathon;

import io.mesosevents.client.Errors;
import io.mesosevents.client.TrustStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP side shared by everything that talks to Marathon: one client with the configured TLS and
 * connect timeout, credentials on every request, a deadline on every exchange, and redirects
 * followed here rather than by the JDK, so that the URL that finally answered is known (a standby
 * sends {@code /v2/events} to the leader with a 302) and credentials go along only to the same scheme.
 */
final class MarathonHttp {

    private static final Logger log = LoggerFactory.getLogger(MarathonHttp.class);

    // A standby redirects to the leader in one hop; a longer chain means the Marathons disagree
    // about who leads (mid-election), which a later attempt resolves.
    private static final int MAX_REDIRECTS = 3;
    private static final int EXCERPT_BYTES = 512;

    private final HttpClient client;
    private final MarathonClientConfig config;

    MarathonHttp(MarathonClientConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                // Marathon's Jetty serves HTTP/1.1; asking for an h2c upgrade only costs a round trip.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
        config.trustStore().ifPresent(store -> builder.sslContext(sslContext(store)));
        this.client = builder.build();
    }

    MarathonClientConfig config() {
        return config;
    }

    /**
     * An answer and the URL that gave it, after redirects.
     *
     * @param withCredentials whether the request that got it carried the credentials: later
     *                        requests to {@code url} should do as it did
     */
    record Reply<T>(URI url, HttpResponse<T> response, boolean withCredentials) {
    }

    /**
     * Sends a body-less request and follows redirects. The answer must be complete within the
     * request timeout: for a streaming body handler that is the response headers, for a buffering
     * one the whole body. A redirect's body is discarded, whatever {@code bodyHandler} would do.
     *
     * @param withCredentials whether to send the configured credentials (if any) to {@code url}
     */
    <T> Reply<T> send(String method, URI url, String accept, boolean withCredentials, HttpResponse.BodyHandler<T> bodyHandler)
            throws IOException, InterruptedException {
        URI target = url;
        boolean authorize = withCredentials && config.basicAuth().isPresent();
        for (int redirects = 0; ; redirects++) {
            HttpResponse<T> response = exchange(request(method, target, accept, authorize),
                    info -> isRedirect(info.statusCode()) ? HttpResponse.BodySubscribers.replacing(null) : bodyHandler.apply(info));
            int status = response.statusCode();
            if (!isRedirect(status)) {
                return new Reply<>(target, response, authorize);
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty()) {
                throw new MarathonHttpException(method, target, status, "redirect without a Location header");
            }
            if (redirects == MAX_REDIRECTS) {
                throw new MarathonHttpException(method, target, status, "more than " + MAX_REDIRECTS + " redirects, last to " + location.get());
            }
            URI next = follow(method, target, status, location.get());
            if (authorize && !next.getScheme().equalsIgnoreCase(target.getScheme())) {
                authorize = false;
                log.warn("Marathon {} redirects to {}; the credentials are not sent along to another scheme", origin(target), origin(next));
            } else {
                log.info("Marathon {} redirects to {} (a standby names its leader so); following it", origin(target), origin(next));
            }
            target = next;
        }
    }

    private HttpRequest request(String method, URI url, String accept, boolean authorize) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", accept)
                .timeout(config.requestTimeout());
        if (authorize) {
            config.basicAuth().ifPresent(auth -> request.header("Authorization", auth.authorizationHeader()));
        }
        return request.build();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> bodyHandler) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> answer = client.sendAsync(request, bodyHandler);
        try {
            return answer.get(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException(request.method() + " " + request.uri() + " got no complete answer within "
                    + config.requestTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectException refused && refused.getMessage() == null) {
                // The JDK says neither what nor where: a log line should.
                ConnectException described = new ConnectException("no connection to " + request.uri().getRawAuthority() + " (refused or unreachable)");
                described.initCause(refused);
                throw described;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(request.method() + " " + request.uri() + " failed", e.getCause());
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI follow(String method, URI from, int status, String location) throws MarathonHttpException {
        try {
            URI next = from.resolve(location);
            if (("http".equalsIgnoreCase(next.getScheme()) || "https".equalsIgnoreCase(next.getScheme())) && next.getHost() != null) {
                return next;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below, like any other unusable Location
        }
        throw new MarathonHttpException(method, from, status, "unusable redirect Location " + location);
    }

    /** {@code base} (which may carry a path prefix) joined with {@code pathAndQuery} (which starts with {@code /}). */
    static URI url(URI base, String pathAndQuery) {
        String prefix = base.toString();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return URI.create(prefix + pathAndQuery);
    }

    /** The base URL that {@link #url} joins with {@code path} to give {@code endpoint}: the inverse, query dropped. */
    static URI base(URI endpoint, String path) {
        String endpointPath = Objects.requireNonNullElse(endpoint.getRawPath(), "");
        if (endpointPath.endsWith(path)) {
            endpointPath = endpointPath.substring(0, endpointPath.length() - path.length());
        }
        return URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + endpointPath);
    }

    static String queryParameter(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One line for a log or a disconnect reason: a refusal's message says it all, other failures get their type. */
    static String describe(Throwable error) {
        return error instanceof MarathonHttpException ? error.getMessage() : Errors.describe(error);
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    /** The start of an error body, on one line: Marathon explains rejections in a short JSON or HTML text. */
    static String excerpt(InputStream body) throws IOException {
        try (body) {
            return new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        }
    }

    private static SSLContext sslContext(TrustStore store) {
        try {
            return store.sslContext();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trust store " + store.path(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use the trust store " + store.path() + ": " + e.getMessage(), e);
        }
    }
}
