package io.mesosevents.streams;

import static io.mesosevents.streams.DeploymentEvents.PLAN;
import static io.mesosevents.streams.DeploymentEvents.PLAN_ID;
import static io.mesosevents.streams.DeploymentEvents.SCALE;
import static io.mesosevents.streams.DeploymentEvents.START;
import static io.mesosevents.streams.DeploymentEvents.T0;
import static io.mesosevents.streams.DeploymentEvents.event;
import static io.mesosevents.streams.DeploymentEvents.failed;
import static io.mesosevents.streams.DeploymentEvents.gone;
import static io.mesosevents.streams.DeploymentEvents.info;
import static io.mesosevents.streams.DeploymentEvents.key;
import static io.mesosevents.streams.DeploymentEvents.live;
import static io.mesosevents.streams.DeploymentEvents.marker;
import static io.mesosevents.streams.DeploymentEvents.plan;
import static io.mesosevents.streams.DeploymentEvents.snapshot;
import static io.mesosevents.streams.DeploymentEvents.stepFailure;
import static io.mesosevents.streams.DeploymentEvents.stepSuccess;
import static io.mesosevents.streams.DeploymentEvents.success;
import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.marathon.ApiPostEvent;
import io.mesosevents.model.marathon.DeploymentInfo;
import io.mesosevents.model.marathon.DeploymentPlan;
import io.mesosevents.model.marathon.GenericMarathonEvent;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.StatusUpdateEvent;
import io.mesosevents.model.state.DeploymentState;
import io.mesosevents.model.state.DeploymentView;
import io.mesosevents.model.state.EventPosition;
import io.mesosevents.registry.server.InMemorySchemaLog;
import io.mesosevents.registry.server.SchemaRegistryServer;
import io.mesosevents.registry.server.SchemaRegistryServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployments view, driven without a broker but with the real serdes against the embedded registry. */
class DeploymentViewTopologyTest {

    private static final String PREFIX = "test.";
    private static final String KEY = key("eu1", PLAN_ID);
    private static final Duration RETENTION = Duration.ofHours(1);
    /** The driver's wall clock starts shortly after the events' times, whatever today's date. */
    private static final Instant WALL_CLOCK_START = T0.plus(Duration.ofMinutes(5));
    /** Where the stream returned by addTo is copied, to compare it with what reaches view.deployments. */
    private static final String RETURNED = "test.returned-changes";

    private static SchemaRegistryServer registry;

    private TopologyTestDriver driver;
    private TestInputTopic<String, MarathonEvent> events;
    private TestOutputTopic<String, DeploymentView> deployments;
    private TestOutputTopic<String, DeploymentView> returned;

    @BeforeAll
    static void startRegistry() {
        AvroClassTrust.install();
        registry = new SchemaRegistryServer(SchemaRegistryServerConfig.of(new InMemorySchemaLog())).start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void startDriver(@TempDir Path stateDir) {
        StreamsAppConfig config = StreamsAppConfig.defaults().withSchemaRegistryUrl(registry.url())
                .withTopicPrefix(PREFIX).withStateDir(stateDir);
        ViewSerdes serdes = new ViewSerdes(config.serdeConfig());
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, MarathonEvent> source = builder.stream(Topic.MARATHON_EVENTS.name(PREFIX),
                Consumed.with(serdes.keys(), serdes.values(MarathonEvent.class)));
        DeploymentViewTopology.addTo(source, builder, PREFIX, serdes, RETENTION)
                .to(RETURNED, Produced.with(serdes.keys(), serdes.values(DeploymentView.class)));
        driver = new TopologyTestDriver(builder.build(), config.streamsProperties(), WALL_CLOCK_START);
        events = driver.createInputTopic(Topic.MARATHON_EVENTS.name(PREFIX), serdes.keys().serializer(),
                serdes.values(MarathonEvent.class).serializer());
        deployments = driver.createOutputTopic(Topic.VIEW_DEPLOYMENTS.name(PREFIX), serdes.keys().deserializer(),
                serdes.values(DeploymentView.class).deserializer());
        returned = driver.createOutputTopic(RETURNED, serdes.keys().deserializer(),
                serdes.values(DeploymentView.class).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private KeyValueStore<String, DeploymentView> store() {
        return driver.getKeyValueStore(ViewStores.DEPLOYMENTS.storeName());
    }

    @Test
    void aPlanProgressesStepByStepToSuccess() {
        events.pipeInput(KEY, info("eu1", PLAN, 1, 1, 0));
        events.pipeInput(KEY, stepSuccess("eu1", PLAN, 1, 2, 10));
        events.pipeInput(KEY, info("eu1", PLAN, 2, 3, 11));
        events.pipeInput(KEY, stepSuccess("eu1", PLAN, 2, 4, 20));
        events.pipeInput(KEY, info("eu1", PLAN, 3, 5, 21));
        events.pipeInput(KEY, stepSuccess("eu1", PLAN, 3, 6, 30));
        events.pipeInput(KEY, success("eu1", PLAN, 7, 31));

        List<TestRecord<String, DeploymentView>> rows = deployments.readRecordsToList();
        assertThat(rows).extracting(TestRecord::key).containsOnly(KEY);
        assertThat(rows).extracting(r -> r.value().getCurrentStep()).containsExactly(1, 1, 2, 2, 3, 3, 3);
        assertThat(rows).extracting(r -> r.value().getState()).containsExactly(DeploymentState.IN_PROGRESS,
                DeploymentState.IN_PROGRESS, DeploymentState.IN_PROGRESS, DeploymentState.IN_PROGRESS,
                DeploymentState.IN_PROGRESS, DeploymentState.IN_PROGRESS, DeploymentState.SUCCEEDED);
        assertThat(rows.get(0).value().getCurrentActions()).isEqualTo(START.getActions());
        assertThat(rows.get(2).value().getCurrentActions()).isEqualTo(SCALE.getActions());
        assertThat(rows.get(2).value().getFinished()).isNull();

        DeploymentView done = rows.get(6).value();
        assertThat(done.getCluster()).isEqualTo("eu1");
        assertThat(done.getDeploymentId()).isEqualTo(PLAN_ID);
        assertThat(done.getVersion()).isEqualTo(DeploymentEvents.VERSION);
        assertThat(done.getAffectedApps()).containsExactly("/prod/web", "/prod/api");
        assertThat(done.getAffectedPods()).containsExactly("/prod/db");
        assertThat(done.getSteps()).isEqualTo(PLAN.getSteps());
        assertThat(done.getTotalSteps()).isEqualTo(3);
        assertThat(done.getStarted()).isEqualTo(T0);
        assertThat(done.getFinished()).isEqualTo(T0.plusSeconds(31));
        assertThat(done.getFailureReason()).isNull();
        assertThat(done.getUpdatedAt()).isEqualTo(T0.plusSeconds(32));
        assertThat(store().get(KEY)).isEqualTo(done);
    }

    @Test
    void aFailedStepFailsTheDeploymentWithTheStepAsReason() {
        events.pipeInput(KEY, info("eu1", PLAN, 1, 1, 0));
        events.pipeInput(KEY, stepSuccess("eu1", PLAN, 1, 2, 10));
        events.pipeInput(KEY, info("eu1", PLAN, 2, 3, 11));
        events.pipeInput(KEY, stepFailure("eu1", PLAN, 2, 4, 15));
        events.pipeInput(KEY, failed("eu1", PLAN, 5, 16));

        DeploymentView failed = store().get(KEY);
        assertThat(failed.getState()).isEqualTo(DeploymentState.FAILED);
        assertThat(failed.getCurrentStep()).isEqualTo(2);
        assertThat(failed.getFinished()).isEqualTo(T0.plusSeconds(16));
        assertThat(failed.getFailureReason())
                .isEqualTo("step 2 of 3 failed: ScaleApplication /prod/web, ScaleApplication /prod/api");
        assertThat(deployments.readValuesToList()).last().isEqualTo(failed);
    }

    @Test
    void aDeploymentGoneAfterASnapshotIsSupersededNotDeleted() {
        events.pipeInput("eu1", marker("eu1", EventKind.SNAPSHOT_BEGIN, 0, 40));
        events.pipeInput(KEY, snapshot("eu1", PLAN, 2, 1, 40));
        events.pipeInput("eu1", marker("eu1", EventKind.SNAPSHOT_END, 2, 40));
        events.pipeInput("eu1", marker("eu1", EventKind.SNAPSHOT_BEGIN, 3, 90));
        events.pipeInput(KEY, gone("eu1", "deployment", PLAN_ID, 4, 90));
        events.pipeInput("eu1", marker("eu1", EventKind.SNAPSHOT_END, 5, 90));

        List<KeyValue<String, DeploymentView>> rows = deployments.readKeyValuesToList();
        assertThat(rows).extracting(kv -> kv.key).containsExactly(KEY, KEY);
        DeploymentView snapshot = rows.get(0).value;
        assertThat(snapshot.getState()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(snapshot.getCurrentStep()).isEqualTo(2);
        assertThat(snapshot.getCurrentActions()).isEqualTo(SCALE.getActions());
        assertThat(snapshot.getSteps()).isEqualTo(PLAN.getSteps());
        // A resync record has no source time: the deployment was first seen when it was ingested.
        assertThat(snapshot.getStarted()).isEqualTo(T0.plusSeconds(41));

        DeploymentView superseded = rows.get(1).value;
        assertThat(superseded).isNotNull();
        assertThat(superseded.getState()).isEqualTo(DeploymentState.SUPERSEDED);
        assertThat(superseded.getFinished()).isEqualTo(T0.plusSeconds(91));
        assertThat(superseded.getCurrentStep()).isEqualTo(2);
        assertThat(store().get(KEY)).isEqualTo(superseded);
    }

    @Test
    void aLateDeploymentInfoOrSnapshotAfterSuccessDoesNotReopenIt() {
        events.pipeInput(KEY, info("eu1", PLAN, 1, 1, 0));
        events.pipeInput(KEY, success("eu1", PLAN, 2, 10));
        deployments.readRecordsToList();

        // Both are ahead of the row by position, so only the outcome rule keeps them out.
        events.pipeInput(KEY, info("eu1", PLAN, 3, 3, 11));
        events.pipeInput(KEY, snapshot("eu1", PLAN, 3, 1, 12));

        assertThat(deployments.isEmpty()).isTrue();
        DeploymentView row = store().get(KEY);
        assertThat(row.getState()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(row.getCurrentStep()).isEqualTo(1);
        assertThat(row.getFinished()).isEqualTo(T0.plusSeconds(10));
        assertThat(row.getUpdatedAt()).isEqualTo(T0.plusSeconds(11));
    }

    @Test
    void aDuplicatedOrReorderedEventIsSkipped() {
        MarathonEvent first = info("eu1", PLAN, 1, 1, 0);
        events.pipeInput(KEY, first);
        events.pipeInput(KEY, info("eu1", PLAN, 2, 2, 11));
        // The same record again, e.g. re-sent by a producer retry: it would move the row back to step 1.
        events.pipeInput(KEY, first);

        assertThat(deployments.readValuesToList()).extracting(DeploymentView::getCurrentStep).containsExactly(1, 2);
        assertThat(store().get(KEY).getCurrentStep()).isEqualTo(2);
    }

    @Test
    void aFinishedDeploymentIsRemovedAfterTheRetentionWhileARunningOneStays() {
        DeploymentPlan running = plan("0f3e5c2a-1b7d-4e9f-8a6c-5d4b3a2f1e0d", START, SCALE);
        String runningKey = key("eu1", running.getId());
        events.pipeInput(KEY, info("eu1", PLAN, 1, 1, 0));
        events.pipeInput(KEY, success("eu1", PLAN, 2, 10));
        events.pipeInput(runningKey, info("eu1", running, 1, 3, 5));
        deployments.readRecordsToList();

        // The success (T0 + 10 s) is 55 min old at T0 + 55 min: not yet expired.
        driver.advanceWallClockTime(Duration.ofMinutes(50));
        assertThat(deployments.isEmpty()).isTrue();
        assertThat(store().get(KEY)).isNotNull();

        driver.advanceWallClockTime(Duration.ofMinutes(10));
        List<KeyValue<String, DeploymentView>> removed = deployments.readKeyValuesToList();
        assertThat(removed).containsExactly(KeyValue.pair(KEY, null));
        assertThat(store().get(KEY)).isNull();
        assertThat(store().get(runningKey).getState()).isEqualTo(DeploymentState.IN_PROGRESS);

        // The position outlives the row: the success replayed does not bring the deployment back.
        events.pipeInput(KEY, success("eu1", PLAN, 2, 10));
        assertThat(deployments.isEmpty()).isTrue();
        assertThat(store().get(KEY)).isNull();
    }

    @Test
    void otherMarathonPayloadsAreIgnored() {
        events.pipeInput("eu1", marker("eu1", EventKind.SNAPSHOT_BEGIN, 0, 0));
        events.pipeInput("eu1//prod/web", event(live("eu1", 1, 1), "api_post_event",
                ApiPostEvent.newBuilder().setAppId("/prod/web").setInstances(3).build()));
        events.pipeInput("eu1//prod/web", event(live("eu1", 2, 2), "status_update_event",
                StatusUpdateEvent.newBuilder().setAppId("/prod/web").setTaskId("prod_web.1").build()));
        events.pipeInput("eu1//prod/web", gone("eu1", "app", "/prod/web", 3, 3));
        events.pipeInput("eu1//prod/db", gone("eu1", "pod", "/prod/db", 4, 4));
        events.pipeInput(KEY, event(live("eu1", 5, 5), "deployment_rollback",
                new GenericMarathonEvent("deployment_rollback", "{\"id\":\"" + PLAN_ID + "\"}")));
        // A deployment payload naming no deployment has no row to go to.
        events.pipeInput("eu1", event(live("eu1", 6, 6), "deployment_info", new DeploymentInfo(null, START)));
        events.pipeInput("eu1", marker("eu1", EventKind.SNAPSHOT_END, 7, 7));

        assertThat(deployments.isEmpty()).isTrue();
        try (KeyValueIterator<String, DeploymentView> rows = store().all()) {
            assertThat(rows.hasNext()).isFalse();
        }
        KeyValueStore<String, EventPosition> positions = driver.getKeyValueStore(DeploymentViewTopology.POSITION_STORE);
        try (KeyValueIterator<String, EventPosition> all = positions.all()) {
            assertThat(all.hasNext()).as("ignored events leave no position behind").isFalse();
        }
    }

    @Test
    void twoClustersWithTheSamePlanIdKeepTwoRows() {
        String us1 = key("us1", PLAN_ID);
        events.pipeInput(KEY, info("eu1", PLAN, 1, 1, 0));
        events.pipeInput(us1, info("us1", PLAN, 1, 1, 0));
        events.pipeInput(KEY, success("eu1", PLAN, 2, 10));

        Map<String, DeploymentView> table = deployments.readKeyValuesToMap();
        assertThat(table).containsOnlyKeys(KEY, us1);
        assertThat(table.get(KEY).getState()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(table.get(us1).getState()).isEqualTo(DeploymentState.IN_PROGRESS);
        assertThat(table.get(us1).getCluster()).isEqualTo("us1");
    }

    @Test
    void theReturnedStreamCarriesTheRowChangesWrittenToTheView() {
        events.pipeInput(KEY, info("eu1", PLAN, 1, 1, 0));
        events.pipeInput(KEY, success("eu1", PLAN, 2, 10));
        driver.advanceWallClockTime(Duration.ofHours(2));

        List<KeyValue<String, DeploymentView>> written = deployments.readKeyValuesToList();
        assertThat(written).hasSize(3).last().isEqualTo(KeyValue.pair(KEY, null));
        assertThat(returned.readKeyValuesToList()).isEqualTo(written);
    }
}
