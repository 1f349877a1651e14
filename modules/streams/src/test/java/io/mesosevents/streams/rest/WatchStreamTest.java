package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.state.TaskView;
import io.mesosevents.registry.serde.AvroSerdes;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/watch} on one instance of the real topology against the embedded broker, read by a real
 * HTTP client as a stream. Each test uses clusters of its own, so the changes of one do not reach the watches
 * of another.
 */
@ExtendWith(DevStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchStreamTest {

    private static final String PREFIX = "watch-stream.";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path stateDir;

    private static DevStack stack;
    private static ViewsServer server;
    private static int port;
    private static HttpCalls http;
    /** Opened first and never fed: it shows the keep-alives at the end. */
    private static WatchSseClient idle;
    private static Instant idleOpenedAt;

    @BeforeAll
    static void startInstance(DevStack devStack) throws Exception {
        stack = devStack;
        AvroClassTrust.install();
        TestCluster.createTopics(stack, PREFIX);
        port = TestCluster.freePort();
        server = ViewsServer.start(TestCluster.instance(stack, "watch-stream-" + UUID.randomUUID(), PREFIX,
                stateDir.resolve("instance"), port), TestCluster.rest(port));
        http = new HttpCalls(port);
        Eventually.holds(Duration.ofSeconds(60), "the instance ready", () -> http.get("/ready").status() == 200);
        idle = WatchSseClient.open(port, "/api/v1/watch?types=framework");
        idle.awaitOpen();
        idleOpenedAt = Instant.now();
    }

    @AfterAll
    static void stopInstance() {
        if (idle != null) {
            idle.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void everyChangeOfTheTopicArrivesInItsOrder() throws Exception {
        try (WatchSseClient watch = WatchSseClient.open(port, "/api/v1/watch?types=task&cluster=or1")) {
            watch.awaitOpen();
            List<String> tasks = List.of(TimedTaskEvents.taskId("ord_web"), TimedTaskEvents.taskId("ord_web"),
                    TimedTaskEvents.taskId("ord_api"), TimedTaskEvents.taskId("ord_api"));
            // One step of every task at a time, so that each step reaches the topic (the views keep only the
            // latest of changes to one row that arrive together).
            Instant now = Instant.now();
            produce(tasks.stream().map(task -> TimedTaskEvents.added("or1", task, "agent-w", 31000, now)).toList());
            watch.eventsUntil(WAIT, reached("or1", tasks, "TASK_STAGING"));
            produce(tasks.stream().map(task -> TimedTaskEvents.updated("or1", task, TaskState.TASK_RUNNING, 2, now.plusMillis(1)))
                    .toList());
            watch.eventsUntil(WAIT, reached("or1", tasks, "TASK_RUNNING"));
            produce(tasks.stream().map(task -> TimedTaskEvents.updated("or1", task, TaskState.TASK_KILLING, 3, now.plusMillis(2)))
                    .toList());

            List<WatchSseClient.Message> events = watch.eventsUntil(WAIT, reached("or1", tasks, "TASK_KILLING"));

            Map<String, List<String>> onTheTopic = taskTopic("or1/");
            assertThat(onTheTopic.values()).as("every task changed three times on the topic")
                    .allSatisfy(changes -> assertThat(changes).hasSizeGreaterThanOrEqualTo(3));
            Map<String, List<String>> onTheStream = new LinkedHashMap<>();
            Set<String> ids = new HashSet<>();
            for (WatchSseClient.Message event : events) {
                JsonNode data = event.json();
                assertThat(event.event()).isEqualTo("task");
                assertThat(data.path("type").asText()).isEqualTo("task");
                assertThat(ids.add(event.id())).as("every event has an id of its own").isTrue();
                onTheStream.computeIfAbsent(data.path("key").asText(), key -> new ArrayList<>())
                        .add(data.path("row").toString() + "@" + Instant.parse(data.path("timestamp").asText()));
            }
            assertThat(onTheStream).as("per task, every record of state.tasks in order, with its record time")
                    .isEqualTo(onTheTopic);
            assertThat(onTheStream).hasSize(tasks.size());
        }
    }

    @Test
    @Order(2)
    void typeAppAndClusterFiltersSelectTheChanges() throws Exception {
        try (WatchSseClient webApps = WatchSseClient.open(port, "/api/v1/watch?types=app&app=fl/web");
             WatchSseClient api = WatchSseClient.open(port, "/api/v1/watch?app=%2Ffl%2Fapi");
             WatchSseClient secondCluster = WatchSseClient.open(port, "/api/v1/watch?types=task&cluster=fl2")) {
            webApps.awaitOpen();
            api.awaitOpen();
            secondCluster.awaitOpen();
            String webFirst = TimedTaskEvents.taskId("fl_web");
            String webSecond = TimedTaskEvents.taskId("fl_web");
            String apiFirst = TimedTaskEvents.taskId("fl_api");
            produceRunning("fl1", webFirst);
            produceRunning("fl2", webSecond);
            produceRunning("fl1", apiFirst);

            List<WatchSseClient.Message> webEvents = webApps.eventsUntil(WAIT, events ->
                    hasRunningApp(events, "fl1//fl/web") && hasRunningApp(events, "fl2//fl/web"));
            assertThat(webEvents).allSatisfy(event -> {
                assertThat(event.event()).isEqualTo("app");
                assertThat(event.json().path("row").path("appId").asText()).isEqualTo("/fl/web");
            });

            List<WatchSseClient.Message> apiEvents = api.eventsUntil(WAIT, events -> hasRunningApp(events, "fl1//fl/api")
                    && events.stream().anyMatch(event -> event.event().equals("app-health"))
                    && reached("fl1", List.of(apiFirst), "TASK_RUNNING").test(events));
            assertThat(apiEvents).allSatisfy(event -> {
                assertThat(event.event()).isIn("task", "app", "app-health");
                assertThat(event.json().path("row").path("appId").asText()).isEqualTo("/fl/api");
            });

            List<WatchSseClient.Message> fl2Events = secondCluster.eventsUntil(WAIT,
                    reached("fl2", List.of(webSecond), "TASK_RUNNING"));
            assertThat(fl2Events).allSatisfy(event -> {
                assertThat(event.event()).isEqualTo("task");
                assertThat(event.json().path("key").asText()).startsWith("fl2/");
            });
        }
    }

    @Test
    @Order(3)
    void aResumedWatchContinuesExactlyAfterTheLastEventItGot() throws Exception {
        String query = "/api/v1/watch?types=task&cluster=rs1";
        List<String> before = new ArrayList<>();
        List<String> during = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            before.add(TimedTaskEvents.taskId("rs_web"));
            during.add(TimedTaskEvents.taskId("rs_api"));
        }
        try (WatchSseClient reference = WatchSseClient.open(port, query)) {
            reference.awaitOpen();
            List<WatchSseClient.Message> firstEvents;
            try (WatchSseClient first = WatchSseClient.open(port, query)) {
                first.awaitOpen();
                for (String task : before) {
                    produceRunning("rs1", task);
                }
                firstEvents = first.eventsUntil(WAIT, reached("rs1", before, "TASK_RUNNING"));
            }
            // Written while the watch is away: new tasks, and the earlier ones changing again.
            produceLifecycles("rs1", during);
            for (String task : before) {
                produce(TimedTaskEvents.updated("rs1", task, TaskState.TASK_KILLING, 3, Instant.now()));
            }
            Predicate<List<WatchSseClient.Message>> complete = reached("rs1", before, "TASK_KILLING")
                    .and(reached("rs1", during, "TASK_KILLING"));
            Map<String, List<String>> everything = byKey(reference.eventsUntil(WAIT, complete));

            WatchSseClient.Message last = firstEvents.get(firstEvents.size() - 1);
            try (WatchSseClient resumed = WatchSseClient.open(port, query, Optional.of(last.id()))) {
                resumed.awaitOpen();
                Map<String, List<String>> joined = concat(byKey(firstEvents), byKey(resumed.eventsUntil(WAIT, complete)));
                assertThat(joined).as("the events before the disconnect, then the resumed ones: no loss, no duplicate")
                        .isEqualTo(everything);
            }

            int middle = firstEvents.size() / 2;
            String query2 = query + "&lastEventId=" + firstEvents.get(middle).id();
            try (WatchSseClient resumedByParameter = WatchSseClient.open(port, query2)) {
                resumedByParameter.awaitOpen();
                Map<String, List<String>> joined = concat(byKey(firstEvents.subList(0, middle + 1)),
                        byKey(resumedByParameter.eventsUntil(WAIT, complete)));
                assertThat(joined).as("resumed after an event in the middle, given as lastEventId").isEqualTo(everything);
            }
        }
    }

    @Test
    @Order(4)
    void aResumePointNoLongerInTheLogGivesOneGapThenTheChanges() throws Exception {
        String query = "/api/v1/watch?types=task&cluster=gp1";
        String firstTask = TimedTaskEvents.taskId("gp_web");
        String start;
        try (WatchSseClient watch = WatchSseClient.open(port, query)) {
            start = watch.awaitOpen();
            produceRunning("gp1", firstTask);
            watch.eventsUntil(WAIT, reached("gp1", List.of(firstTask), "TASK_RUNNING"));
        }
        Map<TopicPartition, Long> deletedUpTo = deleteEveryTaskRecord();
        String laterTask = TimedTaskEvents.taskId("gp_web");
        produceRunning("gp1", laterTask);

        try (WatchSseClient resumed = WatchSseClient.open(port, query, Optional.of(start))) {
            resumed.awaitOpen();
            WatchSseClient.Message gap = resumed.next(WAIT);
            assertThat(gap.event()).isEqualTo("gap");
            assertThat(gap.json().path("skipped")).isNotEmpty().allSatisfy(skipped -> {
                assertThat(skipped.path("type").asText()).isEqualTo("task");
                assertThat(skipped.path("reason").asText()).isEqualTo("retention");
                TopicPartition partition = new TopicPartition(skipped.path("topic").asText(), skipped.path("partition").asInt());
                assertThat(skipped.path("resumedAt").asLong()).isEqualTo(deletedUpTo.get(partition));
                assertThat(skipped.path("from").asLong()).isLessThan(skipped.path("resumedAt").asLong());
            });
            List<WatchSseClient.Message> events = resumed.eventsUntil(WAIT, reached("gp1", List.of(laterTask), "TASK_RUNNING"));
            assertThat(events.stream().filter(event -> event.event().equals("gap"))).as("one gap").hasSize(1);
            assertThat(events).noneMatch(event -> event.json().path("key").asText().endsWith(firstTask));
        }
    }

    @Test
    @Order(5)
    void badParametersAreJsonErrors() throws Exception {
        assertBadParameter(http.get("/api/v1/watch?types=task,pod"), "types", "no type 'pod'");
        assertBadParameter(http.get("/api/v1/watch?types=task,"), "types", "no type ''");
        assertBadParameter(http.get("/api/v1/watch?app=prod/web&types=task,agent"), "app", "agent");
        assertBadParameter(http.get("/api/v1/watch?cluster=eu1/x"), "cluster", "not a cluster name");
        assertBadParameter(http.get("/api/v1/watch?colour=blue"), "colour", "unknown");
        assertBadParameter(http.get("/api/v1/watch?lastEventId=not-a-token"), "lastEventId", "not an event id");
        String token;
        try (WatchSseClient watch = WatchSseClient.open(port, "/api/v1/watch?types=agent")) {
            token = watch.awaitOpen();
        }
        assertBadParameter(http.get("/api/v1/watch?types=agent&lastEventId=" + token.substring(0, token.length() - 2)),
                "lastEventId", "not an event id");
        assertBadParameter(http.get("/api/v1/watch?types=agent&lastEventId=" + token.substring(1)), "lastEventId",
                "not an event id");
        HttpResponse<String> header = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/watch")).header("Last-Event-ID", "AAAAAAAAAA").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertBadParameter(new HttpCalls.Answer(header.statusCode(), Optional.empty(),
                header.headers().firstValue("Content-Type").orElse(""), header.body()), "Last-Event-ID", "not an event id");
    }

    @Test
    @Order(6)
    void theConsumerOfAWatchIsClosedWhenItsClientGoesAway() throws Exception {
        int before = watchConsumers();
        WatchSseClient watch = WatchSseClient.open(port, "/api/v1/watch?types=task&cluster=dc1");
        watch.awaitOpen();
        assertThat(watchConsumers()).isEqualTo(before + 1);

        watch.close();
        // The server notices when it writes: the next change sent to the closed connection ends the watch.
        Eventually.holds(WAIT, "the watch's consumer closed", () -> {
            try {
                produceRunning("dc1", TimedTaskEvents.taskId("dc_web"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return watchConsumers() == before;
        });
    }

    @Test
    @Order(7)
    void aQuietWatchGetsAKeepAliveWithItsPosition() {
        Duration left = WatchHandler.KEEP_ALIVE.plusSeconds(5).minus(Duration.between(idleOpenedAt, Instant.now()));
        WatchSseClient.Message keepAlive = idle.next(left.isNegative() ? Duration.ofSeconds(1) : left);

        assertThat(keepAlive.comments()).containsExactly("keep-alive");
        assertThat(keepAlive.event()).isNull();
        assertThat(keepAlive.id()).as("the position rides along").isNotEmpty();
        assertThat(idle.events()).as("no framework changed").isEmpty();
    }

    private static void produceRunning(String cluster, String taskId) throws Exception {
        Instant now = Instant.now();
        produce(TimedTaskEvents.added(cluster, taskId, "agent-w", 31000, now),
                TimedTaskEvents.updated(cluster, taskId, TaskState.TASK_RUNNING, 2, now.plusMillis(1)));
    }

    /** Every task added, then every task running, then every task killing. */
    private static void produceLifecycles(String cluster, List<String> tasks) throws Exception {
        Instant now = Instant.now();
        List<TimedTaskEvents.Timed<MesosTaskEvent>> events = new ArrayList<>();
        tasks.forEach(task -> events.add(TimedTaskEvents.added(cluster, task, "agent-w", 31000, now)));
        tasks.forEach(task -> events.add(TimedTaskEvents.updated(cluster, task, TaskState.TASK_RUNNING, 2, now.plusMillis(1))));
        tasks.forEach(task -> events.add(TimedTaskEvents.updated(cluster, task, TaskState.TASK_KILLING, 3, now.plusMillis(2))));
        TimedTaskEvents.produce(stack, Topic.MESOS_TASK_EVENTS.name(PREFIX), MesosTaskEvent.class, events);
    }

    @SafeVarargs
    private static void produce(TimedTaskEvents.Timed<MesosTaskEvent>... events) throws Exception {
        produce(List.of(events));
    }

    private static void produce(List<TimedTaskEvents.Timed<MesosTaskEvent>> events) throws Exception {
        TimedTaskEvents.produce(stack, Topic.MESOS_TASK_EVENTS.name(PREFIX), MesosTaskEvent.class, events);
    }

    /** Whether every one of {@code tasks} has reached {@code state} on the stream. */
    private static Predicate<List<WatchSseClient.Message>> reached(String cluster, List<String> tasks, String state) {
        return events -> tasks.stream().allMatch(task -> events.stream().anyMatch(event ->
                event.json().path("key").asText().equals(cluster + "/" + task)
                        && event.json().path("row").path("state").asText().equals(state)));
    }

    private static boolean hasRunningApp(List<WatchSseClient.Message> events, String key) {
        return events.stream().anyMatch(event -> event.event().equals("app") && event.json().path("key").asText().equals(key)
                && event.json().path("row").path("running").asInt() == 1);
    }

    /** Each key's changes in the order received, as row and record time. */
    private static Map<String, List<String>> byKey(List<WatchSseClient.Message> events) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (WatchSseClient.Message event : events) {
            JsonNode data = event.json();
            byKey.computeIfAbsent(data.path("key").asText(), key -> new ArrayList<>())
                    .add(data.path("row").toString() + "@" + data.path("timestamp").asText());
        }
        return byKey;
    }

    private static Map<String, List<String>> concat(Map<String, List<String>> first, Map<String, List<String>> then) {
        Map<String, List<String>> joined = new LinkedHashMap<>();
        first.forEach((key, changes) -> joined.computeIfAbsent(key, k -> new ArrayList<>()).addAll(changes));
        then.forEach((key, changes) -> joined.computeIfAbsent(key, k -> new ArrayList<>()).addAll(changes));
        return joined;
    }

    /** What state.tasks holds for keys starting with {@code keyPrefix}, per key in offset order, read plainly. */
    private static Map<String, List<String>> taskTopic(String keyPrefix) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        try (KafkaConsumer<String, TaskView> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerdes.specific(TaskView.class, stack.clientProperties(), false).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.STATE_TASKS.name(PREFIX)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, TaskView> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().startsWith(keyPrefix)) {
                        byKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(
                                (record.value() == null ? "null" : AvroJsonRenderer.render(record.value()).toString())
                                        + "@" + Instant.ofEpochMilli(record.timestamp()));
                    }
                }
            }
        }
        return byKey;
    }

    /**
     * Deletes every record of state.tasks, as retention would: the topic is compacted, and Kafka deletes records
     * on request only from topics that also have the delete policy.
     */
    private static Map<TopicPartition, Long> deleteEveryTaskRecord() throws Exception {
        String topic = Topic.STATE_TASKS.name(PREFIX);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete"),
                            AlterConfigOp.OpType.SET)))).all().get();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            for (int partition = 0; partition < TestCluster.PARTITIONS; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new LinkedHashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            Map<TopicPartition, RecordsToDelete> deletions = new LinkedHashMap<>();
            ends.forEach((partition, end) -> deletions.put(partition, RecordsToDelete.beforeOffset(end)));
            admin.deleteRecords(deletions).all().get();
            return ends;
        }
    }

    /** The consumers of this instance's watches, by their metrics in this JVM. */
    private static int watchConsumers() {
        try {
            Set<ObjectName> names = ManagementFactory.getPlatformMBeanServer().queryNames(
                    new ObjectName("kafka.consumer:type=consumer-metrics,client-id=*"), null);
            return (int) names.stream().filter(name -> name.getKeyProperty("client-id")
                    .startsWith("mesos-events-watch-127.0.0.1-" + port + "-")).count();
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertBadParameter(HttpCalls.Answer answer, String parameter, String why) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().path("parameter").asText()).isEqualTo(parameter);
        assertThat(answer.json().path("error").asText()).contains(why);
    }
}
