package io.mesosevents.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.streams.StreamsAppConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** The settings the serving side added to the views application's configuration. */
class StreamsAppConfigServingTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        StreamsAppConfig config = StreamsAppConfig.defaults();

        assertThat(config.applicationServer()).isEmpty();
        assertThat(config.standbyReplicas()).isEqualTo(1);
        assertThat(config.finishedRetention()).isEqualTo(Duration.ofHours(1));
        assertThat(config.historyRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(config.kafkaProperties()).isEmpty();
        assertThat(config.streamsProperties())
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1")
                .doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
    }

    @Test
    void theApplicationServerAndStandbysReachKafkaStreams() {
        StreamsAppConfig config = StreamsAppConfig.defaults().withApplicationServer("views-1.example.com:8080")
                .withStandbyReplicas(2);

        assertThat(config.streamsProperties())
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "views-1.example.com:8080")
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "2");
        assertThat(config.applicationServerHost()).contains(new HostInfo("views-1.example.com", 8080));
    }

    @Test
    void passedThroughPropertiesReachKafkaStreamsButNotOverTheTypedSettings() {
        StreamsAppConfig config = StreamsAppConfig.defaults().withApplicationId("views")
                .withKafkaProperties(Map.of("security.protocol", "SASL_SSL", "application.id", "other",
                        "schema.registry.basic.auth.user.info", "u:p", "commit.interval.ms", "250"));

        assertThat(config.streamsProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("commit.interval.ms", "250")
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "views")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config.serdeConfig()).containsEntry("schema.registry.basic.auth.user.info", "u:p")
                .doesNotContainKey("security.protocol");
    }

    @Test
    void badValuesAreRefused() {
        StreamsAppConfig defaults = StreamsAppConfig.defaults();

        assertThatThrownBy(() -> defaults.withApplicationServer("no-port")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> defaults.withApplicationServer("host:0")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> defaults.withStandbyReplicas(-1)).hasMessageContaining("standbyReplicas");
        assertThatThrownBy(() -> defaults.withFinishedRetention(Duration.ZERO)).hasMessageContaining("finishedRetention");
        assertThatThrownBy(() -> defaults.withHistoryRetention(Duration.ofSeconds(-1))).hasMessageContaining("historyRetention");
    }

    @Test
    void theFirstConstructorStillWorksWithNewerSettingsAtTheirDefaults() {
        StreamsAppConfig config = new StreamsAppConfig("views", "broker:9092", "http://registry:8081", "p.", Path.of("/tmp/s"));

        assertThat(config.applicationServer()).isEqualTo(Optional.empty());
        assertThat(config.standbyReplicas()).isEqualTo(StreamsAppConfig.DEFAULT_STANDBY_REPLICAS);
        assertThat(config.topicPrefix()).isEqualTo("p.");
    }
}
