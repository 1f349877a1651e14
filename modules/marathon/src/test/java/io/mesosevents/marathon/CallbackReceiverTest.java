package io.mesosevents.marathon;

import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.marathon.RecordingHandler.Connected;
import io.mesosevents.marathon.RecordingHandler.Disconnected;
import io.mesosevents.marathon.RecordingHandler.Malformed;
import io.mesosevents.marathon.RecordingHandler.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static io.mesosevents.marathon.FakeMarathon.after;
import static io.mesosevents.marathon.FakeMarathon.json;
import static io.mesosevents.marathon.MarathonEvents.apps;
import static io.mesosevents.marathon.MarathonEvents.statusUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackReceiverTest {

    private static final String SUBSCRIPTIONS = "/v2/eventSubscriptions";
    private static final String STATUS = "status_update_event";

    private final RecordingHandler handler = new RecordingHandler();
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeMarathon marathon = FakeMarathon.start();
    private final List<AutoCloseable> resources = new ArrayList<>(List.of(marathon));

    CallbackReceiverTest() throws IOException {
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private MarathonClientConfig config() {
        return MarathonClientConfig.forMarathons(List.of(marathon.url()))
                .withBackoff(new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(60)))
                .withRequestTimeout(Duration.ofSeconds(5));
    }

    private CallbackReceiver receive(MarathonClientConfig config) throws IOException {
        CallbackReceiver receiver = new CallbackReceiver(config, CallbackReceiverConfig.listenOn("127.0.0.1", 0), handler);
        resources.add(0, receiver); // closed before the fake, so that it can unregister
        receiver.start();
        return receiver;
    }

    /** POSTs an event as Marathon does; returns the status. */
    private int post(CallbackReceiver receiver, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(receiver.callbackUrl())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String callbackUrl(FakeMarathon.Request request) {
        return URLDecoder.decode(request.query().replaceFirst("^callbackUrl=", ""), StandardCharsets.UTF_8);
    }

    @Test
    void registersDeliversTheEventsInOrderAndUnregistersOnClose() throws Exception {
        CallbackReceiver receiver = receive(config());

        FakeMarathon.Request registration = marathon.request(SUBSCRIPTIONS);
        assertThat(registration.method()).isEqualTo("POST");
        assertThat(callbackUrl(registration)).isEqualTo(receiver.callbackUrl().toString());
        assertThat(receiver.callbackUrl().getPath()).isEqualTo(CallbackReceiverConfig.DEFAULT_PATH);
        Connected connected = handler.next(Connected.class);
        assertThat(connected.session().transport()).isEqualTo(Transport.CALLBACK);
        assertThat(connected.session().marathon()).isEqualTo(marathon.url());
        assertThat(handler.next(Snapshot.class).snapshot().periodic()).isFalse();

        List<String> bodies = List.of(statusUpdate("web.1"), statusUpdate("web.2"), statusUpdate("web.3"));
        for (String body : bodies) {
            assertThat(post(receiver, body)).isEqualTo(200);
        }
        assertThat(post(receiver, "[1,2]")).isEqualTo(200);

        long offset = 0;
        for (String body : bodies) {
            RecordingHandler.Event event = handler.nextEvent(STATUS);
            assertThat(event.event().rawJson()).isEqualTo(body);
            assertThat(event.event().offset()).isEqualTo(offset);
            assertThat(event.session()).isEqualTo(connected.session());
            assertThat(event.thread()).isEqualTo("marathon-callback");
            offset += body.length();
        }
        Malformed malformed = handler.next(Malformed.class);
        assertThat(malformed.malformed().rawText()).isEqualTo("[1,2]");
        assertThat(malformed.malformed().stage()).isEqualTo(MalformedEvent.STAGE_JSON);
        assertThat(malformed.malformed().offset()).isEqualTo(offset);
        assertThat(receiver.session()).contains(connected.session());

        receiver.close();

        assertThat(handler.next(Disconnected.class).reason()).isEqualTo("receiver closed");
        FakeMarathon.Request unregistration = marathon.request(SUBSCRIPTIONS);
        assertThat(unregistration.method()).isEqualTo("DELETE");
        assertThat(callbackUrl(unregistration)).isEqualTo(receiver.callbackUrl().toString());
        assertThat(marathon.subscriptions()).isEmpty();
    }

    @Test
    void retriesTheRegistrationUntilMarathonTakesIt() throws Exception {
        marathon.on(SUBSCRIPTIONS, json(503, "{\"message\":\"Leader unknown\"}"), json(500, "{\"message\":\"boom\"}"));

        CallbackReceiver receiver = receive(config());

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(marathon.request(SUBSCRIPTIONS).method()).isEqualTo("POST");
        }
        handler.next(Connected.class);
        assertThat(marathon.subscriptions()).containsExactly(receiver.callbackUrl().toString());
        assertThat(receiver.reconnects()).isEqualTo(2);
    }

    @Test
    void eventsThatArriveWhileTheSnapshotIsReadFollowIt() throws Exception {
        CountDownLatch posted = new CountDownLatch(1);
        marathon.on("/v2/apps", after(posted, json(200, apps("/web"))));
        CallbackReceiver receiver = receive(config());
        handler.next(Connected.class);

        assertThat(post(receiver, statusUpdate("web.1"))).isEqualTo(200);
        posted.countDown();

        assertThat(handler.next(Snapshot.class).snapshot().apps()).hasSize(1);
        handler.nextEvent(STATUS);
    }

    @Test
    void startsOverWhenMoreEventsArriveThanTheInboxHolds() throws Exception {
        CountDownLatch posted = new CountDownLatch(1);
        marathon.on("/v2/apps", after(posted, json(200, apps("/web"))));
        CallbackReceiver receiver = receive(config().withSnapshotBufferSize(2));
        MarathonSession first = handler.next(Connected.class).session();

        assertThat(post(receiver, statusUpdate("1"))).isEqualTo(200);
        assertThat(post(receiver, statusUpdate("2"))).isEqualTo(200);
        assertThat(post(receiver, statusUpdate("3"))).isEqualTo(503);
        posted.countDown();

        handler.next(Snapshot.class);
        Disconnected disconnected = handler.next(Disconnected.class);
        assertThat(disconnected.session()).isEqualTo(first);
        assertThat(disconnected.reason()).isEqualTo("1 events were dropped: more than 2 waited for delivery");
        assertThat(handler.next(Connected.class).session().id()).isNotEqualTo(first.id());
        handler.next(Snapshot.class);
        assertThat(handler.nextEvent(STATUS).event().json().path("taskId").asText()).isEqualTo("1");
        assertThat(handler.nextEvent(STATUS).event().json().path("taskId").asText()).isEqualTo("2");
    }

    @Test
    void resyncsPeriodicallyAndRegistersAgainWhenMarathonForgotTheUrl() throws Exception {
        CallbackReceiver receiver = receive(config().withResyncInterval(Duration.ofMillis(300)));
        MarathonSession session = handler.next(Connected.class).session();
        handler.next(Snapshot.class);
        assertThat(marathon.request(SUBSCRIPTIONS).method()).isEqualTo("POST");
        new MarathonRestClient(config()).unsubscribe(marathon.url(), receiver.callbackUrl());
        assertThat(marathon.request(SUBSCRIPTIONS).method()).isEqualTo("DELETE");

        Snapshot resync = handler.next(Snapshot.class);

        assertThat(resync.session()).isEqualTo(session);
        assertThat(resync.snapshot().periodic()).isTrue();
        assertThat(marathon.request(SUBSCRIPTIONS).method()).isEqualTo("GET");
        assertThat(marathon.request(SUBSCRIPTIONS).method()).isEqualTo("POST");
        assertThat(marathon.subscriptions()).containsExactly(receiver.callbackUrl().toString());
    }

    @Test
    void resubscribeStartsANewSessionAfterTheEventsAlreadyReceived() throws Exception {
        CallbackReceiver receiver = receive(config());
        MarathonSession first = handler.next(Connected.class).session();
        handler.next(Snapshot.class);
        assertThat(receiver.lastByteAt()).isEmpty();
        assertThat(post(receiver, statusUpdate("web.1"))).isEqualTo(200);

        receiver.resubscribe("the producer was fenced");

        assertThat(handler.nextEvent(STATUS).session()).isEqualTo(first);
        Disconnected disconnected = handler.next(Disconnected.class);
        assertThat(disconnected.session()).isEqualTo(first);
        assertThat(disconnected.reason()).isEqualTo("resubscribing: the producer was fenced");
        assertThat(handler.next(Connected.class).session().id()).isNotEqualTo(first.id());
        handler.next(Snapshot.class);
        assertThat(receiver.reconnects()).isEqualTo(1);
        assertThat(receiver.lastByteAt()).isPresent();
        assertThat(marathon.subscriptions()).containsExactly(receiver.callbackUrl().toString());
    }

    @Test
    void anOversizedBodyIsAMalformedEvent() throws Exception {
        CallbackReceiver receiver = receive(config().withMaxEventSize(64));
        handler.next(Connected.class);
        handler.next(Snapshot.class);
        String big = statusUpdate("x".repeat(100));

        assertThat(post(receiver, big)).isEqualTo(413);
        assertThat(post(receiver, "{\"eventType\":\"x\"}")).isEqualTo(200);

        Malformed malformed = handler.next(Malformed.class);
        assertThat(malformed.malformed().stage()).isEqualTo(MalformedEvent.STAGE_CALLBACK);
        assertThat(malformed.malformed().rawText()).isEqualTo(big.substring(0, 65));
        assertThat(malformed.malformed().reason()).isEqualTo("a callback body of " + big.length()
                + " bytes, larger than the maximum event size of 64 bytes");
        assertThat(handler.nextEvent("x").event().offset()).isEqualTo(big.length());
    }

    @Test
    void answersOnlyPosts() throws Exception {
        CallbackReceiver receiver = receive(config());
        handler.next(Connected.class);

        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(receiver.callbackUrl()).GET().build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void needsAReachableUrlWhenListeningOnAllInterfaces() throws Exception {
        CallbackReceiverConfig everywhere = CallbackReceiverConfig.listenOn("0.0.0.0", 0);
        assertThatThrownBy(() -> new CallbackReceiver(config(), everywhere, handler)).hasMessageContaining("needs a callback URL");

        URI reachable = URI.create("http://ingestor.example:9090/cb");
        try (CallbackReceiver receiver = new CallbackReceiver(config(), everywhere.withCallbackUrl(reachable), handler)) {
            assertThat(receiver.callbackUrl()).isEqualTo(reachable);
        }
    }
}
