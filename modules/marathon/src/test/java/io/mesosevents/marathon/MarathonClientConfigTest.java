package io.mesosevents.marathon;

import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.client.BasicAuth;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarathonClientConfigTest {

    private static final List<URI> MARATHONS = List.of(URI.create("http://m1:8080"), URI.create("https://m2:8443/service/marathon"));

    @Test
    void hasDocumentedDefaults() {
        MarathonClientConfig config = MarathonClientConfig.forMarathons(MARATHONS);

        assertThat(config.marathons()).isEqualTo(MARATHONS);
        assertThat(config.basicAuth()).isEmpty();
        assertThat(config.trustStore()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.backoff()).isEqualTo(BackoffPolicy.DEFAULT);
        assertThat(config.maxEventSize()).isEqualTo(8 * 1024 * 1024);
        assertThat(config.eventTypes()).isEmpty();
        assertThat(config.resyncInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.resyncEnabled()).isTrue();
        assertThat(config.snapshotBufferSize()).isEqualTo(10_000);
    }

    @Test
    void withMethodsChangeOneSettingEach() {
        MarathonClientConfig config = MarathonClientConfig.forMarathons(MARATHONS)
                .withBasicAuth(new BasicAuth("u", "p"))
                .withIdleTimeout(Duration.ofSeconds(5))
                .withEventTypes(List.of("deployment_info"))
                .withResyncInterval(Duration.ZERO)
                .withMaxEventSize(1024)
                .withSnapshotBufferSize(7);

        assertThat(config.basicAuth()).contains(new BasicAuth("u", "p"));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.eventTypes()).containsExactly("deployment_info");
        assertThat(config.resyncEnabled()).isFalse();
        assertThat(config.maxEventSize()).isEqualTo(1024);
        assertThat(config.snapshotBufferSize()).isEqualTo(7);
        assertThat(config.requestTimeout()).isEqualTo(MarathonClientConfig.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void parsesCommaSeparatedUrls() {
        assertThat(MarathonClientConfig.parseMarathons(" http://m1:8080, https://m2:8443/service/marathon ,")).isEqualTo(MARATHONS);
    }

    @Test
    void rejectsWhatCannotWork() {
        MarathonClientConfig config = MarathonClientConfig.forMarathons(MARATHONS);

        assertThatThrownBy(() -> MarathonClientConfig.forMarathons(List.of())).hasMessageContaining("At least one Marathon URL");
        assertThatThrownBy(() -> MarathonClientConfig.forMarathons(List.of(URI.create("zk://zk:2181/marathon"))))
                .hasMessageContaining("http(s)://host:port");
        assertThatThrownBy(() -> MarathonClientConfig.forMarathons(List.of(URI.create("http://m1:8080/?x=1"))))
                .hasMessageContaining("without query");
        assertThatThrownBy(() -> config.withIdleTimeout(Duration.ZERO)).hasMessageContaining("idleTimeout must be positive");
        assertThatThrownBy(() -> config.withResyncInterval(Duration.ofSeconds(-1))).hasMessageContaining("resyncInterval");
        assertThatThrownBy(() -> config.withMaxEventSize(0)).hasMessageContaining("maxEventSize");
        assertThatThrownBy(() -> config.withSnapshotBufferSize(0)).hasMessageContaining("snapshotBufferSize");
        assertThatThrownBy(() -> config.withEventTypes(List.of(" "))).hasMessageContaining("blank");
    }
}
