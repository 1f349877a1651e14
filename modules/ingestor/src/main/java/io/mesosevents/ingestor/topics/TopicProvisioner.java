package io.mesosevents.ingestor.topics;

import io.mesosevents.model.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Creates every topic of the contract ({@link Topic}) with its cleanup policy, and checks the ones
 * that already exist: a compacted state topic created by hand as {@code delete} would silently lose
 * state, so a wrong policy is reported rather than ignored.
 */
public final class TopicProvisioner {

    private static final Duration METADATA_PROPAGATION = Duration.ofSeconds(30);

    /**
     * Largest record the ingestor writes to {@code marathon.events} and {@code ingest.dlq}: a
     * Marathon deployment event carries the whole group tree before and after, megabytes on a big
     * cluster, and a dead letter keeps what could not be read. Kafka's 1 MiB default would refuse them.
     */
    public static final int LARGE_RECORD_BYTES = 16 * 1024 * 1024;
    private static final Set<Topic> LARGE_RECORD_TOPICS = EnumSet.of(Topic.MARATHON_EVENTS, Topic.INGEST_DLQ);

    private final Admin admin;
    private final String bootstrapServers;

    /** @param bootstrapServers where {@code admin} connects, for messages */
    public TopicProvisioner(Admin admin, String bootstrapServers) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * @param prefix            prefix in front of every topic name ("" for none)
     * @param partitions        partitions of new topics; empty for the broker's default
     * @param replicationFactor replication factor of new topics; empty for the broker's default
     */
    public List<TopicStatus> provision(String prefix, Optional<Integer> partitions, Optional<Short> replicationFactor)
            throws InterruptedException {
        requireReachable();
        List<TopicStatus> statuses = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            String name = topic.name(prefix);
            Map<String, String> configs = new HashMap<>(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().configValue()));
            if (LARGE_RECORD_TOPICS.contains(topic)) {
                configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(LARGE_RECORD_BYTES));
            }
            NewTopic newTopic = new NewTopic(name, partitions, replicationFactor).configs(configs);
            try {
                admin.createTopics(List.of(newTopic)).all().get();
                statuses.add(new TopicStatus(name, TopicStatus.Outcome.CREATED, "cleanup.policy=" + topic.cleanupPolicy().configValue()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new TopicProvisioningException("Cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
                }
                statuses.add(checkExisting(name, topic));
            }
        }
        return statuses;
    }

    /**
     * The controller knows a topic exists a moment before every broker does; describing it in
     * between fails with UnknownTopicOrPartition, so that answer is retried for a while.
     */
    private Config describeWhenKnown(ConfigResource resource) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + METADATA_PROPAGATION.toNanos();
        while (true) {
            try {
                return admin.describeConfigs(List.of(resource)).all().get().get(resource);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** One clear failure for an unreachable cluster, instead of one per topic. */
    private void requireReachable() throws InterruptedException {
        try {
            admin.describeCluster().clusterId().get();
        } catch (ExecutionException e) {
            throw new TopicProvisioningException("Cannot reach Kafka at " + bootstrapServers + ": " + e.getCause().getMessage()
                    + " (check --bootstrap-servers and the client security settings)", e.getCause());
        }
    }

    private TopicStatus checkExisting(String name, Topic topic) throws InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        try {
            Config config = describeWhenKnown(resource);
            String actual = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            String expected = topic.cleanupPolicy().configValue();
            if (!actual.equals(expected)) {
                return new TopicStatus(name, TopicStatus.Outcome.MISCONFIGURED,
                        "cleanup.policy=" + actual + ", expected " + expected);
            }
            return new TopicStatus(name, TopicStatus.Outcome.EXISTS, "cleanup.policy=" + actual);
        } catch (ExecutionException e) {
            throw new TopicProvisioningException("Cannot read the configuration of topic " + name + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
