package io.mesosevents.ingestor.topics;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.model.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(DevStackExtension.class)
class TopicProvisionerTest {

    @Test
    void createsEveryTopicWithItsCleanupPolicyAndIsIdempotent(DevStack stack) throws Exception {
        String prefix = "provision-a.";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, stack.bootstrapServers());

            List<TopicStatus> first = provisioner.provision(prefix, Optional.of(3), Optional.empty());
            assertThat(first).hasSize(Topic.values().length).allMatch(s -> s.outcome() == TopicStatus.Outcome.CREATED);
            assertThat(cleanupPolicy(admin, Topic.STATE_APPS.name(prefix))).isEqualTo("compact");
            assertThat(cleanupPolicy(admin, Topic.MESOS_TASK_EVENTS.name(prefix))).isEqualTo("delete");
            assertThat(admin.describeTopics(List.of(Topic.MARATHON_EVENTS.name(prefix))).allTopicNames().get()
                    .get(Topic.MARATHON_EVENTS.name(prefix)).partitions()).hasSize(3);

            List<TopicStatus> second = provisioner.provision(prefix, Optional.of(3), Optional.empty());
            assertThat(second).allMatch(s -> s.outcome() == TopicStatus.Outcome.EXISTS);
        }
    }

    @Test
    void reportsAnExistingTopicWithTheWrongCleanupPolicy(DevStack stack) throws Exception {
        String prefix = "provision-b.";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, stack.bootstrapServers());
            provisioner.provision(prefix, Optional.empty(), Optional.empty());
            ConfigResource stateTasks = new ConfigResource(ConfigResource.Type.TOPIC, Topic.STATE_TASKS.name(prefix));
            admin.incrementalAlterConfigs(Map.of(stateTasks, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete"), AlterConfigOp.OpType.SET)))).all().get();
            // The broker applies a config change from the controller's log a moment after the call returns.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"delete".equals(admin.describeConfigs(List.of(stateTasks)).all().get().get(stateTasks)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value())) {
                assertThat(System.nanoTime()).as("the broker applies the changed cleanup policy").isLessThan(deadline);
                Thread.sleep(50);
            }

            Map<String, TopicStatus> byTopic = provisioner.provision(prefix, Optional.empty(), Optional.empty()).stream()
                    .collect(Collectors.toMap(TopicStatus::topic, Function.identity()));

            TopicStatus misconfigured = byTopic.get(Topic.STATE_TASKS.name(prefix));
            assertThat(misconfigured.outcome()).isEqualTo(TopicStatus.Outcome.MISCONFIGURED);
            assertThat(misconfigured.detail()).isEqualTo("cleanup.policy=delete, expected compact");
            assertThat(byTopic.get(Topic.STATE_APPS.name(prefix)).outcome()).isEqualTo(TopicStatus.Outcome.EXISTS);
        }
    }

    @Test
    void anUnreachableClusterIsOneClearError() {
        Map<String, Object> config = Map.of("bootstrap.servers", "127.0.0.1:1", "default.api.timeout.ms", 2000, "request.timeout.ms", 1000);
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> new TopicProvisioner(admin, "127.0.0.1:1").provision("", Optional.empty(), Optional.empty()))
                    .isInstanceOf(TopicProvisioningException.class)
                    .hasMessageStartingWith("Cannot reach Kafka at 127.0.0.1:1: ")
                    .hasMessageEndingWith("(check --bootstrap-servers and the client security settings)");
        }
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        // A created topic reaches the broker's metadata a moment after the controller confirms it.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
