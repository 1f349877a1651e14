package io.mesosevents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsAppConfigTest {

    @Test
    void defaultsAreDocumentedOnesAndProcessingIsExactlyOnce() {
        StreamsAppConfig config = StreamsAppConfig.defaults();

        assertThat(config.applicationId()).isEqualTo("mesos-events-views");
        assertThat(config.topicPrefix()).isEmpty();
        assertThat(config.streamsProperties())
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "mesos-events-views")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
        assertThat(config.serdeConfig()).containsEntry("schema.registry.url", "http://localhost:8081");
    }

    @Test
    void overridesReachTheKafkaStreamsProperties() {
        StreamsAppConfig config = StreamsAppConfig.defaults().withBootstrapServers("broker:9093")
                .withSchemaRegistryUrl("http://registry:8081").withStateDir(Path.of("/var/lib/views"));

        assertThat(config.streamsProperties())
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9093")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/views");
        assertThat(config.serdeConfig()).containsEntry("schema.registry.url", "http://registry:8081");
    }
}
