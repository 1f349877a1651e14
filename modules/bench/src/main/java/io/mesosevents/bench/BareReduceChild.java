package io.mesosevents.bench;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.streams.StreamsAppConfig;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Child JVM: the {@link BareReduceTopology} over {@code mesos.task-events}, with the Kafka Streams
 * properties of the views application (exactly-once v2 and the rest, see
 * {@link StreamsAppConfig#streamsProperties()}) under its own application id. Arguments as
 * {@link ViewsChildConfig}; protocol as {@link ViewsStreamsLifecycle}, reporting {@code bare}.
 */
public final class BareReduceChild {

    private BareReduceChild() {
    }

    public static void main(String[] args) throws Exception {
        JulToSlf4j.install();
        ViewsChildLogging.quietAloneInGroupWarnings();
        AvroClassTrust.install();
        StreamsAppConfig config = ViewsChildConfig.from(args);
        KafkaStreams streams = new KafkaStreams(
                BareReduceTopology.build(Topic.MESOS_TASK_EVENTS.name(config.topicPrefix()), config.serdeConfig()),
                config.streamsProperties());
        new ViewsStreamsLifecycle("bare", streams::start, streams::state, streams::close).run();
    }
}
