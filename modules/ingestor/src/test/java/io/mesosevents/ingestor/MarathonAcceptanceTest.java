package io.mesosevents.ingestor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.junit.DevStackExtension;
import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.marathon.CallbackReceiverConfig;
import io.mesosevents.marathon.MarathonClientConfig;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.MarathonPayloadType;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.dlq.DeadLetter;
import io.mesosevents.model.dlq.SourceType;
import io.mesosevents.model.marathon.AppSnapshot;
import io.mesosevents.model.marathon.DeploymentSnapshot;
import io.mesosevents.model.marathon.EventStreamAttached;
import io.mesosevents.model.marathon.GenericMarathonEvent;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.simulator.marathon.MarathonSimulator;
import io.mesosevents.simulator.marathon.MarathonSimulatorConfig;
import io.mesosevents.simulator.marathon.StreamConnection;
import io.mesosevents.simulator.marathon.StreamQuirk;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance run for Marathon: a seeded simulator run of 20,000 events with the real
 * stream quirks, 10 disconnects, a standby that redirects to the leader and a leadership loss,
 * through real HTTP and the embedded broker. Every event sent on a connection is in Kafka once,
 * in its session, typed; the state in the topic's last snapshot equals the simulator's truth.
 */
@ExtendWith(DevStackExtension.class)
class MarathonAcceptanceTest {

    private static final String CLUSTER = "marathon-acceptance";
    private static final String PREFIX = "marathon-acceptance.";
    private static final long EVENTS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void trustTheModel() {
        AvroClassTrust.install();
    }

    @Test
    void twentyThousandEventsThroughDisconnectsAStandbyAndALeadershipLoss(DevStack stack) throws Exception {
        Map<String, Object> kafka = new HashMap<>(stack.clientProperties());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(PREFIX, Optional.of(3), Optional.empty());
        }
        MarathonSimulatorConfig simulation = MarathonSimulatorConfig.defaults().withPort(0).withSeed(11)
                .withApps(20).withInstances(3).withRate(1_500).withMaxEvents(EVENTS);
        try (MarathonSimulator leader = MarathonSimulator.start(simulation);
             MarathonSimulator standby = MarathonSimulator.start(simulation.withSeed(12).withMaxEvents(0))) {
            leader.setQuirks(StreamQuirk.real());
            standby.standby(URI.create(leader.url()).getAuthority());
            MarathonClientConfig client = MarathonClientConfig.forMarathons(List.of(URI.create(standby.url()), URI.create(leader.url())))
                    .withBackoff(new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5)));
            try (MarathonIngestion ingestion = MarathonIngestion.start(new MarathonIngestionConfig(CLUSTER, client, Optional.empty(),
                    kafka, PREFIX, Duration.ofSeconds(60)), Clock.systemUTC(),
                    new IngestMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC(), "marathon"), () -> { })) {
                for (int round = 1; round <= 11; round++) {
                    assertThat(leader.awaitEventsEmitted(round * EVENTS / 12, Duration.ofSeconds(60))).isTrue();
                    awaitOpenStream(leader);
                    if (round == 6) {
                        leader.loseLeadership(Duration.ofSeconds(1));
                    } else {
                        leader.dropStreams();
                    }
                }
                assertThat(leader.awaitEventsEmitted(EVENTS, Duration.ofSeconds(60))).isTrue();
                awaitReady(ingestion);
                // A last resync after the model went quiet: a snapshot read after this is the final truth.
                Thread.sleep(500);
                Instant quiet = Instant.now();
                awaitOpenStream(leader);
                leader.dropStreams();
                String last = awaitSnapshotAfter(kafka, quiet);

                List<MarathonTopic.Entry> entries = MarathonTopic.read(kafka, PREFIX, CLUSTER);
                assertSequencesAreGapFree(entries);
                assertEveryEventSentIsInItsSession(entries, leader.streams());
                assertThat(typedEventTypes(entries)).as("every Marathon event type appears typed")
                        .containsAll(java.util.Arrays.stream(MarathonPayloadType.values()).map(MarathonPayloadType::eventType).toList());
                assertThat(entries).as("no known type falls back to the generic record").noneMatch(entry ->
                        entry.event().getPayload() instanceof GenericMarathonEvent generic
                                && MarathonPayloadType.forEventType(generic.getEventType()).isPresent());
                assertLastSnapshotEqualsTheTruth(entries, last, leader);
                assertThat(entries.stream().map(e -> e.event().getMeta().getSessionId().toString()).distinct())
                        .as("sessions: 10 disconnects, a leadership loss and the last resync").hasSizeGreaterThanOrEqualTo(12);
            }
        }
    }

    /**
     * The legacy callbacks and the event stream, side by side on one simulated Marathon: after
     * both are attached, each gets the same events in the same order.
     */
    @Test
    void theCallbackPathDeliversTheSameEventsAsTheEventStream(DevStack stack) throws Exception {
        Map<String, Object> kafka = new HashMap<>(stack.clientProperties());
        String prefix = "marathon-paths.";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(prefix, Optional.of(1), Optional.empty());
        }
        long events = 3_000;
        int callbackPort = freePort();
        try (MarathonSimulator marathon = MarathonSimulator.start(MarathonSimulatorConfig.defaults().withPort(0).withSeed(5)
                .withRate(300).withMaxEvents(events))) {
            MarathonClientConfig client = MarathonClientConfig.forMarathons(List.of(URI.create(marathon.url())));
            IngestMetrics metrics = new IngestMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC(), "marathon");
            try (MarathonIngestion stream = MarathonIngestion.start(new MarathonIngestionConfig("stream-path", client, Optional.empty(),
                    kafka, prefix, Duration.ofSeconds(60)), Clock.systemUTC(), metrics, () -> { });
                 MarathonIngestion callbacks = MarathonIngestion.start(new MarathonIngestionConfig("callback-path", client,
                         Optional.of(CallbackReceiverConfig.listenOn("127.0.0.1", callbackPort)
                                 .withCallbackUrl(URI.create("http://127.0.0.1:" + callbackPort + CallbackReceiverConfig.DEFAULT_PATH))),
                         kafka, prefix, Duration.ofSeconds(60)), Clock.systemUTC(), metrics, () -> { })) {
                awaitReady(stream);
                awaitReady(callbacks);
                assertThat(marathon.awaitEventsEmitted(events, Duration.ofSeconds(60))).isTrue();
                Thread.sleep(2_000);

                List<MarathonEvent> viaStream = modelEvents(MarathonTopic.read(kafka, prefix, "stream-path"));
                List<MarathonEvent> viaCallbacks = modelEvents(MarathonTopic.read(kafka, prefix, "callback-path"));
                List<MarathonEvent> shorter = viaStream.size() <= viaCallbacks.size() ? viaStream : viaCallbacks;
                List<MarathonEvent> longer = shorter == viaStream ? viaCallbacks : viaStream;
                assertThat(shorter.size()).as("events both paths received").isGreaterThan(1_000);
                // Both are windows of the one sequence the model made; they differ only in where they start and end.
                List<String> window = payloads(shorter).subList(1, shorter.size() - 1);
                assertThat(java.util.Collections.indexOfSubList(payloads(longer), window)).as("the %d events both received, in order",
                        window.size()).isNotNegative();
            }
        }
    }

    /** Invalid JSON on the stream becomes a dead letter with the raw text; the session goes on. */
    @Test
    void invalidJsonOnTheStreamIsADeadLetterAndTheStreamGoesOn(DevStack stack) throws Exception {
        Map<String, Object> kafka = new HashMap<>(stack.clientProperties());
        String prefix = "marathon-dlq.";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(prefix, Optional.of(1), Optional.empty());
        }
        try (MarathonSimulator marathon = MarathonSimulator.start(MarathonSimulatorConfig.defaults().withPort(0).withSeed(3)
                .withRate(500).withMaxEvents(1_500));
             MarathonIngestion ingestion = MarathonIngestion.start(new MarathonIngestionConfig("dlq",
                     MarathonClientConfig.forMarathons(List.of(URI.create(marathon.url()))), Optional.empty(), kafka, prefix,
                     Duration.ofSeconds(60)), Clock.systemUTC(),
                     new IngestMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC(), "marathon"), () -> { })) {
            awaitReady(ingestion);
            marathon.setQuirk(StreamQuirk.INVALID_JSON, true);
            assertThat(marathon.awaitEventsEmitted(1_500, Duration.ofSeconds(60))).isTrue();
            Thread.sleep(1_000);

            List<DeadLetter> letters = DeadLetterTopic.read(kafka, prefix);
            assertThat(letters).isNotEmpty().allSatisfy(letter -> {
                assertThat(letter.getSourceType()).isEqualTo(SourceType.MARATHON);
                assertThat(letter.getStage()).isEqualTo("json");
                assertThat(letter.getSource()).isEqualTo(marathon.url());
                assertThat(letter.getOffsetInStream()).isNotNull();
            });
            List<MarathonTopic.Entry> entries = MarathonTopic.read(kafka, prefix, "dlq");
            assertThat(entries.stream().map(e -> e.event().getMeta().getSessionId()).distinct())
                    .as("the stream went on in the same session").hasSize(1);
            assertThat(entries.get(entries.size() - 1).event().getMeta().getIngestTimestamp())
                    .as("events after the dead letters").isAfter(letters.get(0).getIngestTimestamp());
        }
    }

    /** A 4 MiB event (deployment events carry whole group trees) is written whole, not refused by Kafka. */
    @Test
    void anEventOfMegabytesIsWrittenWhole(DevStack stack) throws Exception {
        Map<String, Object> kafka = new HashMap<>(stack.clientProperties());
        String prefix = "marathon-large.";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, stack.bootstrapServers()).provision(prefix, Optional.of(1), Optional.empty());
        }
        try (MarathonSimulator marathon = MarathonSimulator.start(MarathonSimulatorConfig.defaults().withPort(0).withSeed(4)
                .withRate(200).withMaxEvents(400));
             MarathonIngestion ingestion = MarathonIngestion.start(new MarathonIngestionConfig("large",
                     MarathonClientConfig.forMarathons(List.of(URI.create(marathon.url()))), Optional.empty(), kafka, prefix,
                     Duration.ofSeconds(60)), Clock.systemUTC(),
                     new IngestMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC(), "marathon"), () -> { })) {
            awaitReady(ingestion);
            marathon.setQuirk(StreamQuirk.OVERSIZED_FRAME, true);
            assertThat(marathon.awaitEventsEmitted(400, Duration.ofSeconds(60))).isTrue();
            Thread.sleep(1_000);

            List<MarathonTopic.Entry> entries = MarathonTopic.read(kafka, prefix, "large");
            assertThat(entries).anySatisfy(entry -> assertThat(entry.event().getPayload()).isInstanceOfSatisfying(
                    GenericMarathonEvent.class, generic -> assertThat(generic.getRawJson().length()).isGreaterThan(3_000_000)));
            assertThat(entries.stream().map(e -> e.event().getMeta().getSessionId()).distinct())
                    .as("no write failure ended the session").hasSize(1);
        }
    }

    /** The model's events, without those about the transports themselves (attachments, subscriptions). */
    private static List<MarathonEvent> modelEvents(List<MarathonTopic.Entry> entries) {
        Set<String> transport = Set.of("event_stream_attached", "event_stream_detached", "subscribe_event", "unsubscribe_event");
        Map<String, Instant> sessionStart = new HashMap<>();
        entries.forEach(e -> sessionStart.merge(e.event().getMeta().getSessionId(), e.event().getMeta().getIngestTimestamp(),
                (a, b) -> a.isBefore(b) ? a : b));
        return entries.stream().map(MarathonTopic.Entry::event)
                .filter(event -> event.getMeta().getKind() == EventKind.DELTA && !transport.contains(event.getEventType()))
                .sorted(java.util.Comparator.comparing((MarathonEvent event) -> sessionStart.get(event.getMeta().getSessionId()))
                        .thenComparing(event -> event.getMeta().getSequence()))
                .toList();
    }

    private static List<String> payloads(List<MarathonEvent> events) {
        return events.stream().map(event -> event.getEventType() + " " + event.getPayload()).toList();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitOpenStream(MarathonSimulator marathon) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (marathon.streams().stream().noneMatch(StreamConnection::open)) {
            assertThat(System.nanoTime()).as("the ingestor reconnects").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitReady(MarathonIngestion ingestion) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ingestion.ready()) {
            assertThat(System.nanoTime()).as("the ingestion writes a snapshot").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The session whose snapshot began after {@code quiet} and is committed, once there is one. */
    private static String awaitSnapshotAfter(Map<String, Object> kafka, Instant quiet) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Set<String> begun = new HashSet<>();
            for (MarathonTopic.Entry entry : MarathonTopic.read(kafka, PREFIX, CLUSTER)) {
                EventMeta meta = entry.event().getMeta();
                if (meta.getKind() == EventKind.SNAPSHOT_BEGIN && meta.getIngestTimestamp().isAfter(quiet)) {
                    begun.add(meta.getSessionId());
                } else if (meta.getKind() == EventKind.SNAPSHOT_END && begun.contains(meta.getSessionId())) {
                    return meta.getSessionId();
                }
            }
            assertThat(System.nanoTime()).as("a snapshot after the model went quiet").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Per session: sequences 0..n, each once (markers go to every partition with one sequence). */
    private static void assertSequencesAreGapFree(List<MarathonTopic.Entry> entries) {
        Map<String, List<MarathonTopic.Entry>> bySession = entries.stream()
                .collect(Collectors.groupingBy(e -> e.event().getMeta().getSessionId().toString(), LinkedHashMap::new, Collectors.toList()));
        bySession.forEach((session, records) -> {
            Map<Long, Long> counts = records.stream().collect(Collectors.groupingBy(e -> e.event().getMeta().getSequence(), TreeMap::new,
                    Collectors.counting()));
            assertThat(counts.keySet()).as("sequences of session %s", session)
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, counts.size()).boxed().toList());
            records.stream().filter(e -> !isMarker(e.event()))
                    .forEach(e -> assertThat(counts.get(e.event().getMeta().getSequence())).as("record %s of session %s written once",
                            e.event().getMeta().getSequence(), session).isEqualTo(1L));
        });
    }

    /**
     * The simulator numbers its connections in the order they attached, and every connection is one
     * session (its snapshot and events are written even when the stream closes meanwhile): taken in
     * order, each session holds exactly the events the simulator sent on its connection — less the
     * one frame a connection cut mid-frame loses, as it must.
     */
    private static void assertEveryEventSentIsInItsSession(List<MarathonTopic.Entry> entries, List<StreamConnection> connections) {
        Map<String, Long> deltasBySession = entries.stream().filter(e -> e.event().getMeta().getKind() == EventKind.DELTA)
                .collect(Collectors.groupingBy(e -> e.event().getMeta().getSessionId(), Collectors.counting()));
        Map<String, Instant> startBySession = new HashMap<>();
        entries.forEach(e -> startBySession.merge(e.event().getMeta().getSessionId(), e.event().getMeta().getIngestTimestamp(),
                (a, b) -> a.isBefore(b) ? a : b));
        List<String> sessions = startBySession.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        List<StreamConnection> ordered = connections.stream().sorted(java.util.Comparator.comparingLong(StreamConnection::id)).toList();
        assertThat(sessions).as("one session per connection").hasSameSizeAs(ordered);
        int compared = 0;
        for (int i = 0; i < ordered.size(); i++) {
            StreamConnection connection = ordered.get(i);
            if (connection.open()) {
                continue;
            }
            long received = deltasBySession.getOrDefault(sessions.get(i), 0L);
            assertThat(received).as("events of session %s (%s)", sessions.get(i), connection)
                    .isBetween(connection.eventsSent() - 1, connection.eventsSent());
            compared++;
        }
        assertThat(compared).as("sessions compared with the simulator's connections").isGreaterThanOrEqualTo(11);
    }

    private static Set<String> typedEventTypes(List<MarathonTopic.Entry> entries) {
        return entries.stream().filter(e -> e.event().getMeta().getKind() == EventKind.DELTA)
                .filter(e -> !(e.event().getPayload() instanceof GenericMarathonEvent))
                .map(e -> e.event().getEventType().toString()).collect(Collectors.toSet());
    }

    /** The apps and deployments of the last session's snapshot are the simulator's, field for field. */
    private static void assertLastSnapshotEqualsTheTruth(List<MarathonTopic.Entry> entries, String last, MarathonSimulator marathon)
            throws IOException {
        Map<String, JsonNode> apps = new TreeMap<>();
        Map<String, JsonNode> deployments = new TreeMap<>();
        for (MarathonTopic.Entry entry : entries) {
            MarathonEvent event = entry.event();
            if (!event.getMeta().getSessionId().equals(last) || event.getMeta().getKind() != EventKind.SNAPSHOT) {
                continue;
            }
            if (event.getPayload() instanceof AppSnapshot app) {
                apps.put(app.getAppId(), JSON.readTree(app.getAppJson()));
            } else if (event.getPayload() instanceof DeploymentSnapshot deployment) {
                deployments.put(deployment.getPlan().getId(), JSON.readTree(deployment.getDeploymentJson()));
            }
        }
        Map<String, JsonNode> truthApps = new TreeMap<>();
        marathon.apps().get("apps").forEach(app -> truthApps.put(app.get("id").asText(), app));
        Map<String, JsonNode> truthDeployments = new TreeMap<>();
        marathon.deployments().forEach(deployment -> truthDeployments.put(deployment.get("id").asText(), deployment));
        assertThat(apps).isNotEmpty();
        assertThat(apps).isEqualTo(truthApps);
        assertThat(deployments).isEqualTo(truthDeployments);
    }

    private static boolean isMarker(MarathonEvent event) {
        return event.getMeta().getKind() == EventKind.SNAPSHOT_BEGIN || event.getMeta().getKind() == EventKind.SNAPSHOT_END;
    }
}
