package io.mesosevents.registry.client;

import io.mesosevents.registry.ConfigValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of a {@link SchemaRegistryClient}. Built with {@link #fromMap} from the property names
 * Confluent's clients use, so a Kafka producer, consumer or Streams config passes straight through:
 *
 * <table>
 * <caption>Properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code schema.registry.url}</td><td>required</td><td>comma-separated base URLs; later ones are
 *     tried when an earlier one cannot be reached. {@code http://user:pass@host} user info is honoured.</td></tr>
 * <tr><td>{@code basic.auth.credentials.source}</td><td>{@code URL}</td><td>{@code URL}: user info of each
 *     URL; {@code USER_INFO}: {@code basic.auth.user.info}</td></tr>
 * <tr><td>{@code basic.auth.user.info}</td><td>none</td><td>{@code user:password}
 *     ({@code schema.registry.basic.auth.user.info} is read too)</td></tr>
 * <tr><td>{@code schema.registry.ssl.truststore.location / .password / .type}</td><td>JDK trust anchors,
 *     type {@code JKS}</td><td>trust store for HTTPS registries</td></tr>
 * <tr><td>{@code schema.registry.ssl.keystore.location / .password / .type},
 *     {@code schema.registry.ssl.key.password}</td><td>none, type {@code JKS}</td><td>client certificate for
 *     mutual TLS</td></tr>
 * <tr><td>{@code schema.registry.retries}</td><td>3</td><td>retries after the first attempt for connection
 *     errors, HTTP 5xx, 408 and 429</td></tr>
 * <tr><td>{@code schema.registry.retry.backoff.ms}</td><td>100</td><td>first retry pause, doubled per retry</td></tr>
 * <tr><td>{@code schema.registry.retry.backoff.max.ms}</td><td>5000</td><td>longest retry pause</td></tr>
 * <tr><td>{@code schema.registry.connect.timeout.ms}</td><td>10000</td><td>TCP/TLS connect timeout</td></tr>
 * <tr><td>{@code schema.registry.request.timeout.ms}</td><td>30000</td><td>timeout of one HTTP exchange</td></tr>
 * <tr><td>{@code schema.registry.cache.capacity}</td><td>1000</td><td>entries per cache (ids, schemas)</td></tr>
 * </table>
 */
public record SchemaRegistryClientConfig(
        List<RegistryEndpoint> endpoints,
        Optional<TlsConfig> tls,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retry,
        int cacheCapacity) {

    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent's older name for {@link #BASIC_AUTH_USER_INFO}. */
    public static final String LEGACY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    public static final String RETRIES = "schema.registry.retries";
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";
    public static final String CONNECT_TIMEOUT_MS = "schema.registry.connect.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String CACHE_CAPACITY = "schema.registry.cache.capacity";

    public static final int DEFAULT_RETRIES = 3;
    public static final long DEFAULT_RETRY_BACKOFF_MS = 100;
    public static final long DEFAULT_RETRY_BACKOFF_MAX_MS = 5_000;
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
    public static final int DEFAULT_CACHE_CAPACITY = 1_000;
    /** Confluent's default store type for these properties. */
    public static final String DEFAULT_STORE_TYPE = "JKS";

    public SchemaRegistryClientConfig {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one registry endpoint is required");
        }
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        if (cacheCapacity < 1) {
            throw new IllegalArgumentException("cacheCapacity must be positive, was " + cacheCapacity);
        }
    }

    /** Defaults for everything but the URLs, which are parsed like {@code schema.registry.url}. */
    public static SchemaRegistryClientConfig forUrls(String urls) {
        return fromMap(Map.of(URL, urls));
    }

    /** Reads the properties documented on this class; unknown keys are ignored. */
    public static SchemaRegistryClientConfig fromMap(Map<String, ?> properties) {
        ConfigValues values = new ConfigValues(properties);
        String urls = values.string(URL).orElseThrow(() -> new ConfigException("Missing required property " + URL));
        int retries = values.integer(RETRIES, DEFAULT_RETRIES);
        if (retries < 0) {
            throw new ConfigException(RETRIES, retries, "must not be negative");
        }
        return new SchemaRegistryClientConfig(
                endpoints(urls, values),
                tls(values),
                positiveMillis(values, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS),
                positiveMillis(values, REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS),
                new RetryPolicy(retries + 1,
                        Duration.ofMillis(values.longValue(RETRY_BACKOFF_MS, DEFAULT_RETRY_BACKOFF_MS)),
                        Duration.ofMillis(values.longValue(RETRY_BACKOFF_MAX_MS, DEFAULT_RETRY_BACKOFF_MAX_MS))),
                values.integer(CACHE_CAPACITY, DEFAULT_CACHE_CAPACITY));
    }

    /** The base URLs, comma-separated and without credentials, for messages. */
    public String urls() {
        return endpoints.stream().map(RegistryEndpoint::toString).collect(Collectors.joining(","));
    }

    private static List<RegistryEndpoint> endpoints(String urls, ConfigValues values) {
        String source = values.string(BASIC_AUTH_CREDENTIALS_SOURCE).orElse("URL").toUpperCase(Locale.ROOT);
        Optional<BasicCredentials> userInfo = switch (source) {
            case "URL" -> Optional.empty();
            case "USER_INFO" -> Optional.of(values.string(BASIC_AUTH_USER_INFO)
                    .or(() -> values.string(LEGACY_BASIC_AUTH_USER_INFO))
                    .map(info -> BasicCredentials.parse(info, BASIC_AUTH_USER_INFO))
                    .orElseThrow(() -> new ConfigException(
                            BASIC_AUTH_USER_INFO + " is required when " + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO")));
            default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported: URL, USER_INFO");
        };
        List<RegistryEndpoint> endpoints = new ArrayList<>();
        for (String url : urls.split(",")) {
            if (!url.isBlank()) {
                endpoints.add(endpoint(url.trim(), userInfo));
            }
        }
        if (endpoints.isEmpty()) {
            throw new ConfigException(URL, urls, "no URL given");
        }
        return endpoints;
    }

    private static RegistryEndpoint endpoint(String url, Optional<BasicCredentials> userInfo) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new ConfigException(URL, url, "expected http(s)://host[:port][/path]");
            }
            Optional<BasicCredentials> fromUrl = Optional.ofNullable(uri.getRawUserInfo())
                    .map(info -> BasicCredentials.parse(URLDecoder.decode(info, StandardCharsets.UTF_8), URL));
            URI withoutUserInfo = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
            return new RegistryEndpoint(withoutUserInfo, userInfo.isPresent() ? userInfo : fromUrl);
        } catch (URISyntaxException e) {
            throw new ConfigException(URL, url, e.getMessage());
        }
    }

    private static Optional<TlsConfig> tls(ConfigValues values) {
        Optional<TlsConfig.Store> truststore = values.string(SSL_TRUSTSTORE_LOCATION).map(location -> new TlsConfig.Store(
                Path.of(location), values.string(SSL_TRUSTSTORE_PASSWORD),
                values.string(SSL_TRUSTSTORE_TYPE).orElse(DEFAULT_STORE_TYPE)));
        Optional<TlsConfig.Store> keystore = values.string(SSL_KEYSTORE_LOCATION).map(location -> new TlsConfig.Store(
                Path.of(location), values.string(SSL_KEYSTORE_PASSWORD),
                values.string(SSL_KEYSTORE_TYPE).orElse(DEFAULT_STORE_TYPE)));
        if (truststore.isEmpty() && keystore.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TlsConfig(truststore, keystore, values.string(SSL_KEY_PASSWORD)));
    }

    private static Duration positiveMillis(ConfigValues values, String key, long defaultMillis) {
        long millis = values.longValue(key, defaultMillis);
        if (millis <= 0) {
            throw new ConfigException(key, millis, "must be positive");
        }
        return Duration.ofMillis(millis);
    }
}
