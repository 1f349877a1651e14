package io.mesosevents.bench;

import io.mesosevents.streams.StreamsAppConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * The settings every Kafka Streams child of the views suite shares, from its arguments
 * {@code <bootstrap servers> <schema registry URL> <application id> <state dir>}: those of
 * {@code mesos-events serve} (exactly-once v2, one stream thread, one standby replica, default
 * commit interval and caches), with no topic prefix.
 */
final class ViewsChildConfig {

    private ViewsChildConfig() {
    }

    static List<String> args(String bootstrapServers, String schemaRegistryUrl, String applicationId, Path stateDir) {
        return List.of(bootstrapServers, schemaRegistryUrl, applicationId, stateDir.toString());
    }

    static StreamsAppConfig from(String[] args) {
        if (args.length < 4) {
            throw new IllegalArgumentException("Expected <bootstrap servers> <schema registry URL> <application id> <state dir>");
        }
        return StreamsAppConfig.defaults().withBootstrapServers(args[0]).withSchemaRegistryUrl(args[1])
                .withApplicationId(args[2]).withTopicPrefix(ViewsBench.TOPIC_PREFIX).withStateDir(Path.of(args[3]));
    }
}
