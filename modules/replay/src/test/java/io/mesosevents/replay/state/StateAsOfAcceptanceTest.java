package io.mesosevents.replay.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.model.Topic;
import io.mesosevents.replay.read.RangePlanner;
import io.mesosevents.replay.read.ReplayRangeException;
import io.mesosevents.replay.read.TimeOrderedReader;
import io.mesosevents.streams.rest.AvroJsonRenderer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acceptance test of {@code replay state}: the state replayed as of several times equals what the
 * live views answer for {@code GET …/{id}?asOf=T}, for every entity and every key either side knows.
 *
 * <p>The live views coalesce the changes of a commit and stamp some with their stream time, so their
 * history is exact only between bursts of events. The simulators therefore make few events, slowly,
 * and the times compared are the middles of the quiet gaps of the log, plus one after its end.
 */
@ExtendWith(DevStackExtension.class)
class StateAsOfAcceptanceTest {

    private static final Logger log = LoggerFactory.getLogger(StateAsOfAcceptanceTest.class);
    private static final String PREFIX = "replay-state.";
    private static final String CLUSTER = "rs";
    private static final LivePlatform.Run RUN = new LivePlatform.Run(14, 0.5, 10, 0.4);
    /** How long the log must be silent around a time for the live history to be exact there. */
    private static final Duration QUIET_GAP = Duration.ofMillis(1_500);
    private static final int GAP_TIMES = 3;
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void stateAsOfSeveralTimesEqualsTheAsOfAnswersOfTheLiveViews(DevStack stack, @TempDir Path stateDir) throws Exception {
        Map<String, Object> clients = Map.of("bootstrap.servers", stack.bootstrapServers());
        try (LivePlatform live = LivePlatform.start(stack, PREFIX, CLUSTER, stateDir, RUN)) {
            assertThat(live.awaitRunDone(RUN, Duration.ofSeconds(90))).as("ingestors ready and simulators done").isTrue();
            List<String> eventTopics = List.copyOf(OfflineViews.inputTopics(live.views()));
            awaitQuiet(clients, eventTopics, Duration.ofSeconds(3));

            List<Long> recordTimes = recordTimes(clients, eventTopics);
            List<Instant> times = quietTimes(recordTimes);
            log.info("{} records from {} to {}; comparing at {}", recordTimes.size(), Instant.ofEpochMilli(recordTimes.get(0)),
                    Instant.ofEpochMilli(recordTimes.get(recordTimes.size() - 1)), times);
            assertThat(times).as("quiet times in the log").hasSizeGreaterThanOrEqualTo(2);

            StateReplay replay = new StateReplay(live.views(), clients);
            Map<Instant, StateReplay.Result> replayed = new TreeMap<>();
            for (Instant time : times) {
                replayed.put(time, replay.run(new StateReplay.Request(Optional.empty(), time,
                        EnumSet.allOf(StateEntity.class), Optional.empty())));
            }
            long records = replayed.values().stream().mapToLong(StateReplay.Result::records).sum();
            double seconds = replayed.values().stream().mapToDouble(result -> result.elapsed().toNanos() / 1e9).sum();
            log.info("Replayed {} records in {} replays at {} records/s", records, times.size(), Math.round(records / seconds));

            Map<StateEntity, Set<String>> liveKeys = keysEverWritten(clients);
            List<String> mismatches = compareUntilCaughtUp(live.api(), replayed, liveKeys);
            assertThat(mismatches).as("replayed rows that differ from the asOf answers").isEmpty();

            // The comparison meant something: the tables are filled, and the state changed between the times.
            StateReplay.Result last = replayed.get(times.get(times.size() - 1));
            for (StateEntity entity : List.of(StateEntity.APPS, StateEntity.TASKS, StateEntity.AGENTS, StateEntity.FRAMEWORKS,
                    StateEntity.HEALTH)) {
                assertThat(last.rows(entity)).as(entity.cliName()).isNotEmpty();
            }
            assertThat(rendered(replayed.get(times.get(0)))).isNotEqualTo(rendered(last));

            // Before the first event there is nothing to replay, and replay says so.
            Instant beforeLog = Instant.ofEpochMilli(recordTimes.get(0) - 1);
            assertThatThrownBy(() -> replay.run(StateReplay.Request.of(beforeLog, StateEntity.TASKS)))
                    .isInstanceOf(ReplayRangeException.class).hasMessageStartingWith("No events between");
        }
    }

    /**
     * Compares every key of every entity at every time; the live views may still be folding the last
     * events, so a difference is retried until {@link #CATCH_UP} has passed. Returns what still differs.
     */
    private List<String> compareUntilCaughtUp(URI api, Map<Instant, StateReplay.Result> replayed,
                                              Map<StateEntity, Set<String>> liveKeys) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        List<String> mismatches;
        int compared;
        do {
            mismatches = new ArrayList<>();
            compared = 0;
            for (Map.Entry<Instant, StateReplay.Result> at : replayed.entrySet()) {
                for (StateEntity entity : StateEntity.values()) {
                    Map<String, JsonNode> rows = new TreeMap<>();
                    for (ViewRow row : at.getValue().rows(entity)) {
                        rows.put(row.key(), asReceived(AvroJsonRenderer.render(row.row())));
                    }
                    Set<String> keys = new TreeSet<>(rows.keySet());
                    keys.addAll(liveKeys.get(entity));
                    for (String key : keys) {
                        Optional<JsonNode> answer = asOf(api, entity, key, at.getKey());
                        JsonNode row = rows.get(key);
                        compared++;
                        if (!Optional.ofNullable(row).equals(answer)) {
                            mismatches.add(entity.cliName() + " " + key + " at " + at.getKey() + ": replay "
                                    + row + " but asOf " + answer.map(JsonNode::toString).orElse("404"));
                        }
                    }
                }
            }
            if (!mismatches.isEmpty()) {
                log.info("{} of {} rows differ; retrying while the live views catch up", mismatches.size(), compared);
                Thread.sleep(1_000);
            }
        } while (!mismatches.isEmpty() && System.nanoTime() < deadline);
        log.info("Compared {} rows at {} times", compared, replayed.size());
        return mismatches.stream().limit(20).toList();
    }

    /** A rendered row as a client reads it back, so that numbers compare by value rather than by Java type. */
    private static JsonNode asReceived(JsonNode rendered) throws IOException {
        return JSON.readTree(rendered.toString());
    }

    /** {@code GET …/{id}?asOf=T}: the row then, or empty for a 404. */
    private Optional<JsonNode> asOf(URI api, StateEntity entity, String key, Instant time) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path(entity, key) + "?asOf=" + time)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        assertThat(response.statusCode()).as(request.uri() + " " + response.body()).isEqualTo(200);
        return Optional.of(JSON.readTree(response.body()).get("data"));
    }

    /** The single-entity route of a key; an app's Marathon id is given without its leading slash, as the API allows. */
    private static String path(StateEntity entity, String key) {
        int slash = key.indexOf('/');
        String cluster = key.substring(0, slash);
        String id = key.substring(slash + 1);
        return switch (entity) {
            case APPS -> "/api/v1/apps/" + segments(cluster, strip(id));
            case HEALTH -> "/api/v1/apps/" + segments(cluster, strip(id)) + "/health";
            default -> "/api/v1/" + entity.cliName() + "/" + segments(cluster, id);
        };
    }

    private static String strip(String appId) {
        return appId.startsWith("/") ? appId.substring(1) : appId;
    }

    private static String segments(String cluster, String id) {
        return URLEncoder.encode(cluster, StandardCharsets.UTF_8) + "/" + Arrays.stream(id.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    private static Map<StateEntity, JsonNode> rendered(StateReplay.Result result) {
        Map<StateEntity, JsonNode> tables = new EnumMap<>(StateEntity.class);
        result.tables().forEach((entity, rows) -> tables.put(entity, JSON.valueToTree(rows.stream()
                .map(row -> AvroJsonRenderer.render(row.row())).toList())));
        return tables;
    }

    /** The middles of up to {@link #GAP_TIMES} quiet gaps spread over the log, and a time after its last record. */
    private static List<Instant> quietTimes(List<Long> recordTimes) {
        List<Instant> gaps = new ArrayList<>();
        for (int i = 1; i < recordTimes.size(); i++) {
            long gap = recordTimes.get(i) - recordTimes.get(i - 1);
            if (gap >= QUIET_GAP.toMillis()) {
                gaps.add(Instant.ofEpochMilli(recordTimes.get(i - 1) + gap / 2));
            }
        }
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < Math.min(GAP_TIMES, gaps.size()); i++) {
            times.add(gaps.get(GAP_TIMES >= gaps.size() ? i : i * (gaps.size() - 1) / (GAP_TIMES - 1)));
        }
        times.add(Instant.ofEpochMilli(recordTimes.get(recordTimes.size() - 1)).plus(QUIET_GAP));
        return times;
    }

    /** Every record time of the event topics, in the order replay reads them. */
    private static List<Long> recordTimes(Map<String, Object> clients, List<String> topics) {
        List<Long> times = new ArrayList<>();
        try (TimeOrderedReader reader = new TimeOrderedReader(clients,
                new RangePlanner(clients).plan(topics, Optional.empty(), Instant.now()))) {
            reader.forEachRemaining(record -> times.add(record.timestamp()));
        }
        return times;
    }

    /** Waits until no event topic has grown for {@code quiet}: the simulators' last events are in the log. */
    private static void awaitQuiet(Map<String, Object> clients, List<String> topics, Duration quiet) throws InterruptedException {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> ends = Map.of();
            long stableSince = System.nanoTime();
            while (System.nanoTime() - stableSince < quiet.toNanos()) {
                Map<TopicPartition, Long> now = consumer.endOffsets(partitions(consumer, topics));
                if (!now.equals(ends)) {
                    ends = now;
                    stableSince = System.nanoTime();
                }
                Thread.sleep(200);
            }
        }
    }

    /** Every key the live views ever wrote to their topics, per entity: the keys their history may know. */
    private static Map<StateEntity, Set<String>> keysEverWritten(Map<String, Object> clients) {
        Map<StateEntity, Topic> topics = Map.of(StateEntity.APPS, Topic.STATE_APPS, StateEntity.TASKS, Topic.STATE_TASKS,
                StateEntity.AGENTS, Topic.STATE_AGENTS, StateEntity.FRAMEWORKS, Topic.STATE_FRAMEWORKS,
                StateEntity.DEPLOYMENTS, Topic.VIEW_DEPLOYMENTS, StateEntity.HEALTH, Topic.VIEW_APP_HEALTH);
        Map<String, Object> config = new HashMap<>(clients);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<StateEntity, Set<String>> keys = new EnumMap<>(StateEntity.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            topics.forEach((entity, topic) -> {
                List<TopicPartition> partitions = partitions(consumer, List.of(topic.name(PREFIX)));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Set<String> seen = new TreeSet<>();
                while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.key()));
                }
                keys.put(entity, seen);
            });
        }
        return keys;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        return topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }
}
