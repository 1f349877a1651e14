package io.mesosevents.marathon;

import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.client.BasicAuth;
import io.mesosevents.marathon.RecordingHandler.Connected;
import io.mesosevents.marathon.RecordingHandler.Disconnected;
import io.mesosevents.marathon.RecordingHandler.Malformed;
import io.mesosevents.marathon.RecordingHandler.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.mesosevents.marathon.FakeMarathon.after;
import static io.mesosevents.marathon.FakeMarathon.json;
import static io.mesosevents.marathon.FakeMarathon.redirect;
import static io.mesosevents.marathon.FakeMarathon.startStream;
import static io.mesosevents.marathon.FakeMarathon.stream;
import static io.mesosevents.marathon.FakeMarathon.streamThenStall;
import static io.mesosevents.marathon.FakeMarathon.write;
import static io.mesosevents.marathon.MarathonEvents.apps;
import static io.mesosevents.marathon.MarathonEvents.attached;
import static io.mesosevents.marathon.MarathonEvents.frame;
import static io.mesosevents.marathon.MarathonEvents.statusUpdate;
import static org.assertj.core.api.Assertions.assertThat;

class MarathonSubscriberTest {

    private static final String EVENTS = "/v2/events";
    private static final String APPS = "/v2/apps";
    private static final String ATTACHED = "event_stream_attached";
    private static final String STATUS = "status_update_event";

    private final RecordingHandler handler = new RecordingHandler();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private FakeMarathon marathon() throws IOException {
        FakeMarathon marathon = FakeMarathon.start();
        resources.add(marathon);
        return marathon;
    }

    private MarathonSubscriber subscribe(MarathonClientConfig config) {
        MarathonSubscriber subscriber = new MarathonSubscriber(config, handler);
        resources.add(0, subscriber); // closed before the fakes, so that it stops reconnecting first
        subscriber.start();
        return subscriber;
    }

    private static MarathonClientConfig config(URI... marathons) {
        return MarathonClientConfig.forMarathons(List.of(marathons))
                .withBackoff(new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(60)))
                .withRequestTimeout(Duration.ofSeconds(5));
    }

    /** A stream that writes {@code writes}, opens {@code written}, and stays open. */
    private static FakeMarathon.Reply streamAndSignal(CountDownLatch written, String... writes) {
        return (exchange, closing) -> {
            write(startStream(exchange), writes);
            // Gives the client time to take the bytes in before the latch lets the snapshot answer.
            Thread.sleep(100);
            written.countDown();
            closing.await(10, TimeUnit.SECONDS);
        };
    }

    @Test
    void deliversTheSnapshotBeforeTheEventsThatArriveWhileItIsRead() throws Exception {
        CountDownLatch eventsWritten = new CountDownLatch(1);
        FakeMarathon marathon = marathon()
                .on(EVENTS, streamAndSignal(eventsWritten, frame(attached()), frame(statusUpdate("web.1"))))
                .on(APPS, after(eventsWritten, json(200, apps("/web"))));

        MarathonSubscriber subscriber = subscribe(config(marathon.url()));

        Connected connected = handler.next(Connected.class);
        assertThat(connected.session().marathon()).isEqualTo(marathon.url());
        assertThat(connected.session().transport()).isEqualTo(Transport.SSE);
        Snapshot snapshot = handler.next(Snapshot.class);
        assertThat(snapshot.snapshot().apps()).extracting(app -> app.path("id").asText()).containsExactly("/web");
        assertThat(snapshot.snapshot().periodic()).isFalse();
        assertThat(snapshot.snapshot().podsSupported()).isTrue();
        RecordingHandler.Event first = handler.nextEvent(ATTACHED);
        RecordingHandler.Event second = handler.nextEvent(STATUS);
        assertThat(second.event().json().path("taskId").asText()).isEqualTo("web.1");
        assertThat(second.event().offset()).isGreaterThan(first.event().offset());
        assertThat(List.of(connected.thread(), snapshot.thread(), first.thread(), second.thread())).containsOnly("marathon-subscriber");
        assertThat(List.of(snapshot.session(), first.session(), second.session())).containsOnly(connected.session());

        FakeMarathon.Request request = marathon.request(EVENTS);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.header("Accept")).isEqualTo("text/event-stream");
        assertThat(request.query()).isNull();
        assertThat(marathon.request(APPS).query())
                .isEqualTo("embed=apps.tasks&embed=apps.deployments&embed=apps.counts&embed=apps.readiness&embed=apps.lastTaskFailure");
        assertThat(subscriber.session()).contains(connected.session());
        assertThat(subscriber.lastByteAt()).isPresent();
        assertThat(subscriber.reconnects()).isZero();
    }

    @Test
    void followsARedirectFromAStandbyToTheLeaderWithTheCredentials() throws Exception {
        FakeMarathon leader = marathon().on(EVENTS, streamThenStall(frame(attached())));
        FakeMarathon standby = marathon().on(EVENTS, redirect(leader.url() + EVENTS));
        BasicAuth auth = new BasicAuth("ops", "s3cret");

        subscribe(config(standby.url()).withBasicAuth(auth));

        assertThat(handler.next(Connected.class).session().marathon()).isEqualTo(leader.url());
        handler.next(Snapshot.class);
        handler.nextEvent(ATTACHED);
        assertThat(standby.request(EVENTS).header("Authorization")).isEqualTo(auth.authorizationHeader());
        assertThat(leader.request(EVENTS).header("Authorization")).isEqualTo(auth.authorizationHeader());
        // The snapshot comes from the leader the stream ended at.
        assertThat(leader.request(APPS).header("Authorization")).isEqualTo(auth.authorizationHeader());
        assertThat(standby.hasRequest(APPS)).isFalse();
    }

    @Test
    void reconnectsWithANewSessionAndANewSnapshotWhenTheLeaderClosesTheStream() throws Exception {
        FakeMarathon marathon = marathon()
                .on(EVENTS, stream(frame(attached()), frame(statusUpdate("web.1"))), streamThenStall(frame(attached())))
                .on(APPS, json(200, apps("/web")), json(200, apps("/web", "/db")));

        MarathonSubscriber subscriber = subscribe(config(marathon.url()));

        MarathonSession first = handler.next(Connected.class).session();
        assertThat(handler.next(Snapshot.class).snapshot().apps()).hasSize(1);
        handler.nextEvent(ATTACHED);
        handler.nextEvent(STATUS);
        Disconnected disconnected = handler.next(Disconnected.class);
        assertThat(disconnected.session()).isEqualTo(first);
        assertThat(disconnected.reason()).isEqualTo("Marathon closed the stream");
        MarathonSession second = handler.next(Connected.class).session();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(handler.next(Snapshot.class).snapshot().apps()).hasSize(2);
        assertThat(handler.nextEvent(ATTACHED).session()).isEqualTo(second);
        assertThat(subscriber.reconnects()).isEqualTo(1);
    }

    @Test
    void declaresASilentStreamDeadAfterTheIdleTimeout() throws Exception {
        FakeMarathon marathon = marathon().on(EVENTS, streamThenStall(frame(attached())), streamThenStall(frame(attached())));

        subscribe(config(marathon.url()).withIdleTimeout(Duration.ofMillis(300)));

        MarathonSession first = handler.next(Connected.class).session();
        handler.next(Snapshot.class);
        handler.nextEvent(ATTACHED);
        Disconnected disconnected = handler.next(Disconnected.class);
        assertThat(disconnected.session()).isEqualTo(first);
        assertThat(disconnected.reason()).startsWith("no bytes for ").endsWith("beyond the idle timeout of 300 ms");
        assertThat(handler.next(Connected.class).session().id()).isNotEqualTo(first.id());
    }

    @Test
    void keepAlivesKeepAQuietStreamAlive() throws Exception {
        FakeMarathon marathon = marathon().on(EVENTS, (exchange, closing) -> {
            OutputStream body = startStream(exchange);
            write(body, frame(attached()));
            for (int i = 0; i < 15; i++) { // 1.5 s of keep-alives, five idle timeouts
                Thread.sleep(100);
                write(body, i % 2 == 0 ? "\r\n" : ":\r\n");
            }
            write(body, frame(statusUpdate("web.1")));
            closing.await(10, TimeUnit.SECONDS);
        });

        subscribe(config(marathon.url()).withIdleTimeout(Duration.ofMillis(300)));

        MarathonSession session = handler.next(Connected.class).session();
        handler.next(Snapshot.class);
        handler.nextEvent(ATTACHED);
        assertThat(handler.nextEvent(STATUS).session()).isEqualTo(session);
    }

    @Test
    void triesTheNextMarathonWhenTheFirstRefusesConnections() throws Exception {
        URI refusing;
        try (ServerSocket socket = new ServerSocket(0)) {
            refusing = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        FakeMarathon marathon = marathon().on(EVENTS, streamThenStall(frame(attached())));

        MarathonSubscriber subscriber = subscribe(config(refusing, marathon.url()));

        assertThat(handler.next(Connected.class).session().marathon()).isEqualTo(marathon.url());
        handler.next(Snapshot.class);
        handler.nextEvent(ATTACHED);
        assertThat(subscriber.reconnects()).isZero();
    }

    @Test
    void sendsTheCredentialsAndTheEventTypeFilter() throws Exception {
        FakeMarathon marathon = marathon().on(EVENTS, streamThenStall(frame(attached())));
        BasicAuth auth = new BasicAuth("ops", "pa:ss");

        subscribe(config(marathon.url()).withBasicAuth(auth).withEventTypes(List.of("status_update_event", "deployment_info")));

        handler.next(Connected.class);
        FakeMarathon.Request request = marathon.request(EVENTS);
        assertThat(request.query()).isEqualTo("event_type=status_update_event&event_type=deployment_info");
        assertThat(request.header("Authorization")).isEqualTo("Basic b3BzOnBhOnNz");
        assertThat(marathon.request(APPS).header("Authorization")).isEqualTo("Basic b3BzOnBhOnNz");
    }

    @Test
    void resyncsPeriodicallyAtItsPlaceInTheStream() throws Exception {
        CountDownLatch resyncAsked = new CountDownLatch(1);
        CountDownLatch laterEventWritten = new CountDownLatch(1);
        FakeMarathon marathon = marathon()
                .on(EVENTS, (exchange, closing) -> {
                    OutputStream body = startStream(exchange);
                    write(body, frame(attached()), frame(statusUpdate("before")));
                    resyncAsked.await(5, TimeUnit.SECONDS);
                    write(body, frame(statusUpdate("during")));
                    Thread.sleep(100);
                    laterEventWritten.countDown();
                    closing.await(10, TimeUnit.SECONDS);
                })
                .on(APPS, json(200, apps("/web")), (exchange, closing) -> {
                    resyncAsked.countDown();
                    after(laterEventWritten, json(200, apps("/web", "/db"))).serve(exchange, closing);
                });

        subscribe(config(marathon.url()).withResyncInterval(Duration.ofMillis(300)));

        MarathonSession session = handler.next(Connected.class).session();
        assertThat(handler.next(Snapshot.class).snapshot().periodic()).isFalse();
        handler.nextEvent(ATTACHED);
        assertThat(handler.nextEvent(STATUS).event().json().path("taskId").asText()).isEqualTo("before");
        Snapshot resync = handler.next(Snapshot.class);
        assertThat(resync.session()).isEqualTo(session);
        assertThat(resync.snapshot().periodic()).isTrue();
        assertThat(resync.snapshot().apps()).hasSize(2);
        assertThat(handler.nextEvent(STATUS).event().json().path("taskId").asText()).isEqualTo("during");
    }

    @Test
    void startsOverWhenMoreEventsArriveDuringTheSnapshotThanTheBufferHolds() throws Exception {
        CountDownLatch eventsWritten = new CountDownLatch(1);
        FakeMarathon marathon = marathon()
                .on(EVENTS, streamAndSignal(eventsWritten, frame(attached()), frame(statusUpdate("1")), frame(statusUpdate("2"))),
                        streamThenStall(frame(attached())))
                .on(APPS, after(eventsWritten, json(200, apps("/web"))));

        subscribe(config(marathon.url()).withSnapshotBufferSize(2));

        MarathonSession first = handler.next(Connected.class).session();
        Disconnected disconnected = handler.next(Disconnected.class);
        assertThat(disconnected.session()).isEqualTo(first);
        assertThat(disconnected.reason()).startsWith("more than 2 events arrived while the snapshot was read");
        handler.next(Connected.class);
        handler.next(Snapshot.class);
        handler.nextEvent(ATTACHED);
    }

    @Test
    void startsOverWhenTheSnapshotCannotBeRead() throws Exception {
        FakeMarathon marathon = marathon()
                .on(EVENTS, streamThenStall(frame(attached())), streamThenStall(frame(attached())))
                .on(APPS, json(500, "{\"message\":\"storage unavailable\"}"));

        subscribe(config(marathon.url()));

        MarathonSession first = handler.next(Connected.class).session();
        Disconnected disconnected = handler.next(Disconnected.class);
        assertThat(disconnected.session()).isEqualTo(first);
        assertThat(disconnected.reason())
                .startsWith("reading the snapshot failed")
                .contains("GET " + marathon.url() + "/v2/apps?embed=apps.tasks")
                .contains("answered HTTP 500: {\"message\":\"storage unavailable\"}");
        handler.next(Connected.class);
        handler.next(Snapshot.class);
        handler.nextEvent(ATTACHED);
    }

    @Test
    void malformedInputIsReportedAndTheStreamGoesOn() throws Exception {
        String broken = "{\"eventType\":\"status_update_event\",\"taskId\":";
        FakeMarathon marathon = marathon().on(EVENTS, streamThenStall(frame(attached()) + "data: " + broken + "\r\n\r\n",
                frame(statusUpdate("web.1"))));

        subscribe(config(marathon.url()));

        handler.next(Connected.class);
        handler.next(Snapshot.class);
        handler.nextEvent(ATTACHED);
        Malformed malformed = handler.next(Malformed.class);
        assertThat(malformed.malformed().rawText()).isEqualTo(broken);
        assertThat(malformed.malformed().stage()).isEqualTo(MalformedEvent.STAGE_JSON);
        assertThat(malformed.malformed().offset()).isEqualTo(frame(attached()).length() + "data: ".length());
        handler.nextEvent(STATUS);
    }

    @Test
    void aRefusedStreamIsRetried() throws Exception {
        FakeMarathon marathon = marathon().on(EVENTS, json(503, "{\"message\":\"Leader unknown\"}"), streamThenStall(frame(attached())));

        MarathonSubscriber subscriber = subscribe(config(marathon.url()));

        handler.next(Connected.class);
        assertThat(subscriber.reconnects()).isEqualTo(1);
    }

    @Test
    void aFailingHandlerEndsTheSessionAndTheSubscriberReconnects() throws Exception {
        FakeMarathon marathon = marathon().on(EVENTS, streamThenStall(frame(attached())), streamThenStall(frame(attached())));
        MarathonStreamHandler failOnFirstEvent = new ForwardingHandler(handler) {
            private boolean failed;

            @Override
            public void event(MarathonSession session, MarathonEventMessage event) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("Kafka is down");
                }
                super.event(session, event);
            }
        };
        MarathonSubscriber subscriber = new MarathonSubscriber(config(marathon.url()), failOnFirstEvent);
        resources.add(0, subscriber);
        subscriber.start();

        handler.next(Connected.class);
        handler.next(Snapshot.class);
        assertThat(handler.next(Disconnected.class).reason()).isEqualTo("handler failed: IllegalStateException: Kafka is down");
        handler.next(Connected.class);
        handler.next(Snapshot.class);
        handler.nextEvent(ATTACHED);
    }

    @Test
    void resubscribeStartsANewSession() throws Exception {
        FakeMarathon marathon = marathon().on(EVENTS, streamThenStall(frame(attached())), streamThenStall(frame(attached())));
        MarathonSubscriber subscriber = subscribe(config(marathon.url()));
        MarathonSession first = handler.next(Connected.class).session();
        handler.next(Snapshot.class);
        handler.nextEvent(ATTACHED);

        subscriber.resubscribe("the producer was fenced");

        assertThat(handler.next(Disconnected.class).reason()).isEqualTo("resubscribing: the producer was fenced");
        assertThat(handler.next(Connected.class).session().id()).isNotEqualTo(first.id());
    }

    @Test
    void closeStopsPromptlyAndEndsTheSession() throws Exception {
        FakeMarathon marathon = marathon().on(EVENTS, streamThenStall(frame(attached())));
        MarathonSubscriber subscriber = subscribe(config(marathon.url()));
        handler.next(Connected.class);
        handler.next(Snapshot.class);
        handler.nextEvent(ATTACHED);

        long start = System.nanoTime();
        subscriber.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(handler.next(Disconnected.class).reason()).isEqualTo("subscriber closed");
        assertThat(subscriber.session()).isEmpty();
    }
}
