package io.mesosevents.cli.topics;

import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.ingestor.topics.TopicStatus;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.app.DeadLetterTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;

/**
 * Every topic the platform reads and writes — the contract's topics with their cleanup policies and
 * the views' dead-letter topic — created where missing, for {@code topics create}, {@code serve} and
 * {@code demo} alike, so none of them can leave one out.
 */
public final class PlatformTopics {

    private PlatformTopics() {
    }

    /** What was found or created for each topic under {@code prefix}; empty partitions or replication: the broker's default. */
    public static List<TopicStatus> create(Admin admin, String bootstrapServers, String prefix, Optional<Integer> partitions,
                                           Optional<Short> replicationFactor) throws InterruptedException {
        List<TopicStatus> statuses = new ArrayList<>(new TopicProvisioner(admin, bootstrapServers)
                .provision(prefix, partitions, replicationFactor));
        String deadLetters = StreamsAppConfig.defaults().withTopicPrefix(prefix).deadLetterTopic();
        boolean created = DeadLetterTopic.ensure(admin, deadLetters, partitions, replicationFactor);
        statuses.add(new TopicStatus(deadLetters, created ? TopicStatus.Outcome.CREATED : TopicStatus.Outcome.EXISTS,
                "the views' dead letters"));
        return statuses;
    }
}
