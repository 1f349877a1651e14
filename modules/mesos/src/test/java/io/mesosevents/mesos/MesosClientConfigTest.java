package io.mesosevents.mesos;

import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.client.BasicAuth;
import io.mesosevents.client.TrustStore;
import io.mesosevents.mesos.recordio.RecordIoDecoder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MesosClientConfigTest {

    @Test
    void defaults() {
        MesosClientConfig config = MesosClientConfig.forMasters(List.of(URI.create("http://m1:5050")));

        assertThat(config.encoding()).isEqualTo(MesosEncoding.PROTOBUF);
        assertThat(config.basicAuth()).isEmpty();
        assertThat(config.trustStore()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.firstByteTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.heartbeatMisses()).isEqualTo(5);
        assertThat(config.backoff()).isEqualTo(new BackoffPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60)));
        assertThat(config.maxRecordSize()).isEqualTo(RecordIoDecoder.DEFAULT_MAX_RECORD_SIZE).isEqualTo(512 * 1024 * 1024);
        assertThat(config.zkLeaderScheme()).isEqualTo("http");
    }

    @Test
    void parsesCommaSeparatedMasters() {
        assertThat(MesosClientConfig.parseMasters(" http://m1:5050, https://m2:5050 "))
                .containsExactly(URI.create("http://m1:5050"), URI.create("https://m2:5050"));
    }

    @Test
    void parsesAZooKeeperUrlWithSeveralServersAsOne() {
        assertThat(MesosClientConfig.parseMasters("zk://z1:2181,z2:2181/mesos"))
                .containsExactly(URI.create("zk://z1:2181,z2:2181/mesos"));
    }

    @Test
    void rejectsAZooKeeperUrlMixedWithMasters() {
        List<URI> mixed = List.of(URI.create("zk://z1:2181/mesos"), URI.create("http://m1:5050"));

        assertThatThrownBy(() -> MesosClientConfig.forMasters(mixed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMastersThatAreNotHttpUrls() {
        assertThatThrownBy(() -> MesosClientConfig.forMasters(List.of(URI.create("m1:5050"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http(s)://host:port");
        assertThatThrownBy(() -> MesosClientConfig.forMasters(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsSecretsOutOfToString() {
        MesosClientConfig config = MesosClientConfig.forMasters(List.of(URI.create("https://m1:5050")))
                .withBasicAuth(new BasicAuth("ops", "s3cret"))
                .withTrustStore(TrustStore.of(Path.of("trust.p12"), "changeit"));

        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("changeit").contains("ops");
    }
}
