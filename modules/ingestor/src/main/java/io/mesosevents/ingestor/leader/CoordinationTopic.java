package io.mesosevents.ingestor.leader;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Creates the leader election topic if it is missing: one partition, so a group has exactly one
 * thing to assign, and compacted, though nothing is ever written to it. Its replication factor is
 * the broker's default; membership lives in the group coordinator, so even an offline partition
 * still elects.
 */
final class CoordinationTopic {

    private CoordinationTopic() {
    }

    static void ensureExists(Map<String, Object> clientProperties, String topic) {
        try (Admin admin = Admin.create(clientProperties)) {
            if (!exists(admin, topic)) {
                create(admin, topic);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the leader election topic " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the leader election topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    // Looked up first, so that a topic created by an operator works without the right to create topics.
    private static boolean exists(Admin admin, String topic) throws InterruptedException, ExecutionException {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static void create(Admin admin, String topic) throws InterruptedException, ExecutionException {
        NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get();
        } catch (ExecutionException e) {
            // Another replica starting at the same time created it first.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
