package io.mesosevents.marathon;

import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.client.BasicAuth;
import io.mesosevents.client.TrustStore;
import io.mesosevents.marathon.sse.SseParser;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of a {@link MarathonSubscriber}, {@link MarathonRestClient} or
 * {@link CallbackReceiver}. Start from {@link #forMarathons(List)} (all defaults) and change what
 * differs with the {@code with…} methods.
 *
 * @param marathons           Marathon base URLs ({@code http(s)://host:port}, optionally with a
 *                            path prefix such as {@code /service/marathon}), tried in order
 * @param basicAuth           credentials sent with every request (default none); kept across a
 *                            redirect only when it keeps the scheme
 * @param trustStore          certificates to trust for {@code https} (default: the JVM's)
 * @param connectTimeout      TCP/TLS connect timeout (default 10 s)
 * @param requestTimeout      how long a REST answer may take, body included, and how long the event
 *                            stream's response headers may take (default 60 s: {@code /v2/apps} with
 *                            every task embedded is large on a big cluster)
 * @param idleTimeout         a stream on which no byte arrives for this long while the subscriber
 *                            waits for one is declared dead and reopened; keep-alives count (default 60 s)
 * @param backoff             delays between attempts (default {@link BackoffPolicy#DEFAULT})
 * @param maxEventSize        largest event accepted, in bytes: an SSE frame or a callback body
 *                            (default {@link SseParser#DEFAULT_MAX_EVENT_SIZE}, 8 MiB)
 * @param eventTypes          event types to ask for ({@code ?event_type=…}); empty for all (default)
 * @param resyncInterval      how often a live session re-reads the snapshot; zero for never (default 15 min)
 * @param snapshotBufferSize  how many events may arrive while a snapshot is read; beyond it the
 *                            session ends and a new one starts with a fresh snapshot (default 10,000)
 */
public record MarathonClientConfig(
        List<URI> marathons,
        Optional<BasicAuth> basicAuth,
        Optional<TrustStore> trustStore,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration idleTimeout,
        BackoffPolicy backoff,
        int maxEventSize,
        List<String> eventTypes,
        Duration resyncInterval,
        int snapshotBufferSize) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RESYNC_INTERVAL = Duration.ofMinutes(15);
    public static final int DEFAULT_SNAPSHOT_BUFFER_SIZE = 10_000;
    /** No event comes near 1 GiB; the limit keeps buffer sizes well within Java's arrays. */
    public static final int MAX_EVENT_SIZE_LIMIT = 1 << 30;

    public MarathonClientConfig {
        marathons = List.copyOf(marathons);
        eventTypes = List.copyOf(eventTypes);
        Objects.requireNonNull(basicAuth, "basicAuth");
        Objects.requireNonNull(trustStore, "trustStore");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(resyncInterval, "resyncInterval");
        if (marathons.isEmpty()) {
            throw new IllegalArgumentException("At least one Marathon URL is needed");
        }
        for (URI marathon : marathons) {
            boolean http = "http".equalsIgnoreCase(marathon.getScheme()) || "https".equalsIgnoreCase(marathon.getScheme());
            if (!http || marathon.getHost() == null || marathon.getRawQuery() != null || marathon.getRawFragment() != null) {
                throw new IllegalArgumentException("A Marathon URL is http(s)://host:port[/prefix], without query: " + marathon);
            }
        }
        for (String type : eventTypes) {
            if (type.isBlank()) {
                throw new IllegalArgumentException("An event type filter must not be blank: " + eventTypes);
            }
        }
        if (maxEventSize < 1 || maxEventSize > MAX_EVENT_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxEventSize must be in [1, " + MAX_EVENT_SIZE_LIMIT + "]: " + maxEventSize);
        }
        if (resyncInterval.isNegative()) {
            throw new IllegalArgumentException("resyncInterval must not be negative: " + resyncInterval);
        }
        if (snapshotBufferSize < 1) {
            throw new IllegalArgumentException("snapshotBufferSize must be positive: " + snapshotBufferSize);
        }
    }

    /** All defaults for these Marathons. */
    public static MarathonClientConfig forMarathons(List<URI> marathons) {
        return new MarathonClientConfig(marathons, Optional.empty(), Optional.empty(), DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT, DEFAULT_IDLE_TIMEOUT, BackoffPolicy.DEFAULT, SseParser.DEFAULT_MAX_EVENT_SIZE,
                List.of(), DEFAULT_RESYNC_INTERVAL, DEFAULT_SNAPSHOT_BUFFER_SIZE);
    }

    /** Marathon URLs as a command line gives them: comma-separated. */
    public static List<URI> parseMarathons(String marathons) {
        return Arrays.stream(marathons.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(URI::create).toList();
    }

    /** Whether a live session re-reads the snapshot at all. */
    public boolean resyncEnabled() {
        return !resyncInterval.isZero();
    }

    public MarathonClientConfig withBasicAuth(BasicAuth basicAuth) {
        return new MarathonClientConfig(marathons, Optional.of(basicAuth), trustStore, connectTimeout, requestTimeout,
                idleTimeout, backoff, maxEventSize, eventTypes, resyncInterval, snapshotBufferSize);
    }

    public MarathonClientConfig withTrustStore(TrustStore trustStore) {
        return new MarathonClientConfig(marathons, basicAuth, Optional.of(trustStore), connectTimeout, requestTimeout,
                idleTimeout, backoff, maxEventSize, eventTypes, resyncInterval, snapshotBufferSize);
    }

    public MarathonClientConfig withConnectTimeout(Duration connectTimeout) {
        return new MarathonClientConfig(marathons, basicAuth, trustStore, connectTimeout, requestTimeout,
                idleTimeout, backoff, maxEventSize, eventTypes, resyncInterval, snapshotBufferSize);
    }

    public MarathonClientConfig withRequestTimeout(Duration requestTimeout) {
        return new MarathonClientConfig(marathons, basicAuth, trustStore, connectTimeout, requestTimeout,
                idleTimeout, backoff, maxEventSize, eventTypes, resyncInterval, snapshotBufferSize);
    }

    public MarathonClientConfig withIdleTimeout(Duration idleTimeout) {
        return new MarathonClientConfig(marathons, basicAuth, trustStore, connectTimeout, requestTimeout,
                idleTimeout, backoff, maxEventSize, eventTypes, resyncInterval, snapshotBufferSize);
    }

    public MarathonClientConfig withBackoff(BackoffPolicy backoff) {
        return new MarathonClientConfig(marathons, basicAuth, trustStore, connectTimeout, requestTimeout,
                idleTimeout, backoff, maxEventSize, eventTypes, resyncInterval, snapshotBufferSize);
    }

    public MarathonClientConfig withMaxEventSize(int maxEventSize) {
        return new MarathonClientConfig(marathons, basicAuth, trustStore, connectTimeout, requestTimeout,
                idleTimeout, backoff, maxEventSize, eventTypes, resyncInterval, snapshotBufferSize);
    }

    public MarathonClientConfig withEventTypes(List<String> eventTypes) {
        return new MarathonClientConfig(marathons, basicAuth, trustStore, connectTimeout, requestTimeout,
                idleTimeout, backoff, maxEventSize, eventTypes, resyncInterval, snapshotBufferSize);
    }

    public MarathonClientConfig withResyncInterval(Duration resyncInterval) {
        return new MarathonClientConfig(marathons, basicAuth, trustStore, connectTimeout, requestTimeout,
                idleTimeout, backoff, maxEventSize, eventTypes, resyncInterval, snapshotBufferSize);
    }

    public MarathonClientConfig withSnapshotBufferSize(int snapshotBufferSize) {
        return new MarathonClientConfig(marathons, basicAuth, trustStore, connectTimeout, requestTimeout,
                idleTimeout, backoff, maxEventSize, eventTypes, resyncInterval, snapshotBufferSize);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
