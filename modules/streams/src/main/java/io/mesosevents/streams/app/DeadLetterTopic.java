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

    public static void ensure(Admin admin, String topic) throws InterruptedException {
        try {
            // The broker's default partitions, replication and (delete) cleanup policy: a plain log of failures.
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the topic " + topic + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
        }
    }
}
