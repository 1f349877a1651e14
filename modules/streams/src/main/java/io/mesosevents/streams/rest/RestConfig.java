package io.mesosevents.streams.rest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the interactive-query HTTP server.
 *
 * @param host           address to listen on (default {@value #DEFAULT_HOST})
 * @param port           port to listen on (default {@value #DEFAULT_PORT}; 0 picks a free one, useful only
 *                       when the instance's application server is given explicitly)
 * @param defaultMaxLag  how many changelog records a standby copy may be behind and still answer, when a
 *                       request gives no {@code maxLag} (default {@value #DEFAULT_MAX_LAG}); 0 allows only
 *                       standbys that are fully caught up
 * @param connectTimeout how long to wait for a connection to another instance (default 2 s)
 * @param requestTimeout how long to wait for another instance's answer (default 10 s)
 * @param retryAfter     the {@code Retry-After} of a 503 (default 5 s: about one rebalance)
 * @param tls            HTTPS on the port, and towards the other instances (default: none, plain HTTP)
 * @param auth           the credentials every route but {@code /health} and {@code /ready} requires
 *                       (default: none)
 */
public record RestConfig(String host, int port, long defaultMaxLag, Duration connectTimeout, Duration requestTimeout,
                         Duration retryAfter, Optional<TlsConfig> tls, AuthConfig auth) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_LAG = 100;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    public RestConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535: " + port);
        }
        if (defaultMaxLag < 0) {
            throw new IllegalArgumentException("defaultMaxLag must not be negative: " + defaultMaxLag);
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(auth, "auth");
    }

    /** Every setting at its default. */
    public static RestConfig defaults() {
        return new RestConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_LAG, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_RETRY_AFTER, Optional.empty(), AuthConfig.none());
    }

    /** {@code https} with TLS, else {@code http}: how clients and the other instances reach this one. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    public RestConfig withHost(String newHost) {
        return new RestConfig(newHost, port, defaultMaxLag, connectTimeout, requestTimeout, retryAfter, tls, auth);
    }

    public RestConfig withPort(int newPort) {
        return new RestConfig(host, newPort, defaultMaxLag, connectTimeout, requestTimeout, retryAfter, tls, auth);
    }

    public RestConfig withDefaultMaxLag(long maxLag) {
        return new RestConfig(host, port, maxLag, connectTimeout, requestTimeout, retryAfter, tls, auth);
    }

    public RestConfig withRetryAfter(Duration after) {
        return new RestConfig(host, port, defaultMaxLag, connectTimeout, requestTimeout, after, tls, auth);
    }

    public RestConfig withTls(TlsConfig newTls) {
        return new RestConfig(host, port, defaultMaxLag, connectTimeout, requestTimeout, retryAfter, Optional.of(newTls), auth);
    }

    public RestConfig withAuth(AuthConfig newAuth) {
        return new RestConfig(host, port, defaultMaxLag, connectTimeout, requestTimeout, retryAfter, tls, newAuth);
    }
}
