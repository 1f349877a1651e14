package io.mesosevents.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientConfigTest {

    @Test
    void defaults() {
        SchemaRegistryClientConfig config = SchemaRegistryClientConfig.forUrls("http://registry:8081");
        assertThat(config.endpoints()).containsExactly(new RegistryEndpoint(URI.create("http://registry:8081"), Optional.empty()));
        assertThat(config.tls()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.retry()).isEqualTo(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5)));
        assertThat(config.cacheCapacity()).isEqualTo(1000);
    }

    @Test
    void readsEveryProperty() {
        SchemaRegistryClientConfig config = SchemaRegistryClientConfig.fromMap(Map.ofEntries(
                Map.entry("schema.registry.url", " http://a:1/ , https://b:2/prefix "),
                Map.entry("basic.auth.credentials.source", "user_info"),
                Map.entry("basic.auth.user.info", new Password("u:p")),
                Map.entry("schema.registry.ssl.truststore.location", "/t.p12"),
                Map.entry("schema.registry.ssl.truststore.password", new Password("trust-secret")),
                Map.entry("schema.registry.ssl.truststore.type", "PKCS12"),
                Map.entry("schema.registry.ssl.keystore.location", "/k.jks"),
                Map.entry("schema.registry.ssl.keystore.password", "keystore-secret"),
                Map.entry("schema.registry.ssl.key.password", "key-secret"),
                Map.entry("schema.registry.retries", 0),
                Map.entry("schema.registry.retry.backoff.ms", "7"),
                Map.entry("schema.registry.retry.backoff.max.ms", 70L),
                Map.entry("schema.registry.connect.timeout.ms", 1),
                Map.entry("schema.registry.request.timeout.ms", 2),
                Map.entry("schema.registry.cache.capacity", 3),
                Map.entry("bootstrap.servers", "ignored:9092")));
        BasicCredentials credentials = new BasicCredentials("u", "p");
        assertThat(config.endpoints()).containsExactly(
                new RegistryEndpoint(URI.create("http://a:1/"), Optional.of(credentials)),
                new RegistryEndpoint(URI.create("https://b:2/prefix"), Optional.of(credentials)));
        assertThat(config.urls()).isEqualTo("http://a:1/,https://b:2/prefix");
        assertThat(config.tls()).contains(new TlsConfig(
                Optional.of(new TlsConfig.Store(Path.of("/t.p12"), Optional.of("trust-secret"), "PKCS12")),
                Optional.of(new TlsConfig.Store(Path.of("/k.jks"), Optional.of("keystore-secret"), "JKS")),
                Optional.of("key-secret")));
        assertThat(config.retry()).isEqualTo(new RetryPolicy(1, Duration.ofMillis(7), Duration.ofMillis(70)));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2));
        assertThat(config.cacheCapacity()).isEqualTo(3);
        assertThat(config.toString()).doesNotContain("secret", "=p]");
    }

    @Test
    void urlUserInfoIsPerEndpointAndNotPartOfTheUrl() {
        SchemaRegistryClientConfig config = SchemaRegistryClientConfig.forUrls("http://x:y@a:1,http://b:2");
        assertThat(config.endpoints()).containsExactly(
                new RegistryEndpoint(URI.create("http://a:1"), Optional.of(new BasicCredentials("x", "y"))),
                new RegistryEndpoint(URI.create("http://b:2"), Optional.empty()));
    }

    @Test
    void resolvesPathsUnderTheBaseUrl() {
        assertThat(new RegistryEndpoint(URI.create("http://a:1/prefix/"), Optional.empty()).resolve("/subjects"))
                .isEqualTo(URI.create("http://a:1/prefix/subjects"));
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(350));
        assertThat(policy.backoffBeforeRetry(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffBeforeRetry(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffBeforeRetry(3)).isEqualTo(Duration.ofMillis(350));
        assertThat(policy.backoffBeforeRetry(9)).isEqualTo(Duration.ofMillis(350));
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> SchemaRegistryClientConfig.forUrls("registry:8081"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http(s)://");
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "http://a",
                "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "http://a",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("URL, USER_INFO");
        assertThatThrownBy(() -> SchemaRegistryClientConfig.fromMap(Map.of("schema.registry.url", "http://a",
                "schema.registry.retries", "many")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.retries");
    }
}
