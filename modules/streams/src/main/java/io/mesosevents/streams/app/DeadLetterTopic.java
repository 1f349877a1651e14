package io.mesosevents.streams.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the views' dead-letter topic (see {@code StreamsAppConfig#deadLetterTopic()}) unless it exists. */
public final class DeadLetterTopic {

    private DeadLetterTopic() {
    }

    /** Creates {@code topic} with the broker's default partitions and replication unless it exists. */
    public static void ensure(Admin admin, String topic) throws InterruptedException {
        ensure(admin, topic, Optional.empty(), Optional.empty());
    }

    /** Creates {@code topic} unless it exists; true when this call created it. */
    public static boolean ensure(Admin admin, String topic, Optional<Integer> partitions, Optional<Short> replicationFactor)
            throws InterruptedException {
        try {
            // A plain log of failures: the (delete) cleanup policy of the broker's default.
            admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor))).all().get();
            return true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the topic " + topic + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
            return false;
        }
    }
}
