package io.mesosevents.ingestor.leader;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static io.mesosevents.ingestor.leader.RecordingListener.ELECTED;
import static io.mesosevents.ingestor.leader.RecordingListener.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DevStackExtension.class)
class LeaderElectionTest {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElectionTest.class);
    // The broker's smallest allowed session (group.min.session.timeout.ms), to keep the tests short.
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration HANDOVER_TIMEOUT = Duration.ofSeconds(5);
    // Longer than a heartbeat interval, so the others see the rebalance and take over before a resigned replica is back.
    private static final Duration REJOIN_BACKOFF = Duration.ofSeconds(3);
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    private final List<LeaderElection> elections = new ArrayList<>();

    @AfterEach
    void closeElections() {
        elections.forEach(LeaderElection::close);
    }

    @Test
    void exactlyOneOfTwoReplicasLeads(DevStack stack) throws Exception {
        LeaderElectionConfig config = config("one-of-two.", "one-of-two", stack);
        RecordingListener.Leaders leaders = new RecordingListener.Leaders();
        RecordingListener a = new RecordingListener(leaders);
        RecordingListener b = new RecordingListener(leaders);
        start(config, a);
        start(config, b);

        awaitStableGroup(stack, config.groupId(), 2);
        Eventually.holds(SESSION_TIMEOUT, () -> a.leading() || b.leading(), "either elected");

        assertThat(a.leading()).isNotEqualTo(b.leading());
        assertThat(List.of(a.calls(), b.calls())).containsExactlyInAnyOrder(List.of(ELECTED), List.of());
        assertThat(leaders.most()).isEqualTo(1);
        assertCoordinationTopic(stack, config.topic());
    }

    @Test
    void closingTheLeaderHandsLeadershipToTheOtherWithinTheSessionTimeout(DevStack stack) throws Exception {
        LeaderElectionConfig config = config("handover.", "handover", stack);
        RecordingListener.Leaders leaders = new RecordingListener.Leaders();
        RecordingListener a = new RecordingListener(leaders);
        RecordingListener b = new RecordingListener(leaders);
        LeaderElection first = start(config, a);
        a.awaitLeading(SESSION_TIMEOUT);
        start(config, b);
        awaitStableGroup(stack, config.groupId(), 2);
        // A replica joining does not disturb the leader.
        assertThat(a.calls()).containsExactly(ELECTED);

        first.close();
        Duration takeover = b.awaitLeading(SESSION_TIMEOUT);

        LOG.info("Clean handover: the other replica led {} ms after close() returned", takeover.toMillis());
        assertThat(a.calls()).containsExactly(ELECTED, REVOKED);
        assertThat(leaders.most()).isEqualTo(1);
    }

    @Test
    void aKilledLeaderIsReplacedWithinThirtySeconds(DevStack stack) throws Exception {
        LeaderElectionConfig config = config("kill.", "kill", stack);
        try (ReplicaProcess doomed = ReplicaProcess.start(stack.bootstrapServers(), config)) {
            doomed.awaitCall(ELECTED, TAKEOVER_LIMIT);
            RecordingListener survivor = new RecordingListener(new RecordingListener.Leaders());
            start(config, survivor);
            awaitStableGroup(stack, config.groupId(), 2);
            assertThat(survivor.leading()).isFalse();

            doomed.kill();
            Duration takeover = survivor.awaitLeading(TAKEOVER_LIMIT);

            LOG.info("kill -9 of the leader: the other replica led {} ms later (session timeout {} ms)",
                    takeover.toMillis(), SESSION_TIMEOUT.toMillis());
            assertThat(takeover).isLessThan(TAKEOVER_LIMIT);
            assertThat(survivor.calls()).containsExactly(ELECTED);
        }
    }

    @Test
    void aLeaderPausedPastItsSessionIsReplacedAndLearnsSoWhenItResumes(DevStack stack) throws Exception {
        LeaderElectionConfig config = config("pause.", "pause", stack);
        try (ReplicaProcess zombie = ReplicaProcess.start(stack.bootstrapServers(), config)) {
            zombie.awaitCall(ELECTED, TAKEOVER_LIMIT);
            RecordingListener survivor = new RecordingListener(new RecordingListener.Leaders());
            start(config, survivor);
            awaitStableGroup(stack, config.groupId(), 2);

            zombie.pause();
            Duration takeover = survivor.awaitLeading(TAKEOVER_LIMIT);
            zombie.resume();

            LOG.info("Paused leader: the other replica led {} ms later", takeover.toMillis());
            // The resumed replica finds itself out of the group and stops; the survivor is not disturbed.
            zombie.awaitCall(REVOKED, SESSION_TIMEOUT.multipliedBy(2));
            awaitStableGroup(stack, config.groupId(), 2);
            assertThat(survivor.calls()).containsExactly(ELECTED);
        }
    }

    @Test
    void leadershipCallsAlternateThroughAFailedStartAndAHandover(DevStack stack) throws Exception {
        LeaderElectionConfig config = config("order.", "order", stack);
        RecordingListener.Leaders leaders = new RecordingListener.Leaders();
        RecordingListener a = new RecordingListener(leaders, 1);
        RecordingListener b = new RecordingListener(leaders);
        LeaderElection first = start(config, a);
        // Alone in the group, a resigns after its failed start and is elected again after the rejoin backoff.
        Eventually.holds(SESSION_TIMEOUT.plus(REJOIN_BACKOFF), () -> a.calls().size() == 3, "re-elected after a failed start");
        LeaderElection second = start(config, b);
        awaitStableGroup(stack, config.groupId(), 2);

        first.close();
        b.awaitLeading(SESSION_TIMEOUT);
        second.close();

        assertThat(a.calls()).containsExactly(ELECTED, REVOKED, ELECTED, REVOKED);
        assertThat(b.calls()).containsExactly(ELECTED, REVOKED);
        assertThat(leaders.most()).isEqualTo(1);
    }

    private LeaderElection start(LeaderElectionConfig config, LeadershipListener listener) {
        LeaderElection election = LeaderElection.start(config, listener);
        elections.add(election);
        return election;
    }

    private static LeaderElectionConfig config(String prefix, String groupId, DevStack stack) {
        return new LeaderElectionConfig(stack.clientProperties(), groupId, prefix + LeaderElectionConfig.DEFAULT_TOPIC,
                SESSION_TIMEOUT, HANDOVER_TIMEOUT, REJOIN_BACKOFF);
    }

    private static void awaitStableGroup(DevStack stack, String groupId, int members) throws InterruptedException {
        try (Admin admin = Admin.create(stack.clientProperties())) {
            Eventually.holds(Duration.ofSeconds(30), () -> {
                ConsumerGroupDescription group = describe(admin, groupId);
                return group.groupState() == GroupState.STABLE && group.members().size() == members;
            }, "a stable group of " + members);
        }
    }

    private static ConsumerGroupDescription describe(Admin admin, String groupId) {
        try {
            return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertCoordinationTopic(DevStack stack, String topic) throws Exception {
        try (Admin admin = Admin.create(stack.clientProperties())) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String cleanup = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertThat(description.partitions()).hasSize(1);
            assertThat(cleanup).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }
}
