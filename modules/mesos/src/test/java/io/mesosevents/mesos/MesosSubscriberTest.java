package io.mesosevents.mesos;

import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.client.BasicAuth;
import io.mesosevents.mesos.RecordingHandler.Connected;
import io.mesosevents.mesos.RecordingHandler.Disconnected;
import io.mesosevents.mesos.RecordingHandler.StreamFailed;
import io.mesosevents.mesos.RecordingHandler.Undecodable;
import io.mesosevents.mesos.recordio.RecordIo;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.mesosevents.mesos.Events.framed;
import static io.mesosevents.mesos.Events.split;
import static io.mesosevents.mesos.FakeMaster.redirect;
import static io.mesosevents.mesos.FakeMaster.status;
import static io.mesosevents.mesos.FakeMaster.stream;
import static io.mesosevents.mesos.FakeMaster.streamThenStall;
import static org.assertj.core.api.Assertions.assertThat;

class MesosSubscriberTest {

    private final RecordingHandler handler = new RecordingHandler();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private FakeMaster master() throws IOException {
        FakeMaster master = FakeMaster.start();
        resources.add(master);
        return master;
    }

    private MesosSubscriber subscribe(MesosClientConfig config) {
        return subscribe(config, handler);
    }

    private MesosSubscriber subscribe(MesosClientConfig config, MesosStreamHandler streamHandler) {
        MesosSubscriber subscriber = new MesosSubscriber(config, streamHandler);
        resources.add(0, subscriber); // closed before the masters, so that it stops retrying first
        subscriber.start();
        return subscriber;
    }

    private static MesosClientConfig config(URI... masters) {
        return MesosClientConfig.forMasters(List.of(masters))
                .withBackoff(new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(60)))
                .withFirstByteTimeout(Duration.ofSeconds(2));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void streamsProtobufEventsWhateverTheChunking() throws Exception {
        MesosEncoding protobuf = MesosEncoding.PROTOBUF;
        Event[] events = {Events.subscribed(15), Events.heartbeat(), Events.agentRemoved("a1"), Events.agentRemoved("a2")};
        byte[] bytes = framed(protobuf, events);
        int first = RecordIo.frame(protobuf.encode(events[0])).length;
        FakeMaster master = master().then(streamThenStall(protobuf, split(bytes, 1, 3, first + 1, first + 4)));

        MesosSubscriber subscriber = subscribe(config(master.url()));

        Connected connected = handler.next(Connected.class);
        assertThat(connected.session().master()).isEqualTo(master.url());
        assertThat(connected.session().encoding()).isEqualTo(protobuf);
        assertThat(connected.thread()).isEqualTo("mesos-subscriber");
        long offset = 0;
        for (Event expected : events) {
            RecordingHandler.Event seen = handler.nextEvent(expected.getType());
            assertThat(seen.event()).isEqualTo(expected);
            assertThat(seen.raw()).isEqualTo(protobuf.encode(expected));
            assertThat(seen.offset()).isEqualTo(offset);
            assertThat(seen.session()).isEqualTo(connected.session());
            offset += RecordIo.frame(seen.raw()).length;
        }
        FakeMaster.Request request = master.request();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-protobuf");
        assertThat(request.header("Accept")).isEqualTo("application/x-protobuf");
        assertThat(Call.parseFrom(request.body()).getType()).isEqualTo(Call.Type.SUBSCRIBE);
        assertThat(subscriber.session()).contains(connected.session());
        assertThat(subscriber.lastByteAt()).isPresent();
        assertThat(subscriber.reconnects()).isZero();
    }

    @Test
    void streamsJsonEventsOnRequest() throws Exception {
        MesosEncoding json = MesosEncoding.JSON;
        byte[] bytes = framed(json, Events.subscribed(15), Events.agentRemoved("a1"));
        FakeMaster master = master().then(streamThenStall(json, split(bytes, bytes.length - 3)));

        subscribe(config(master.url()).withEncoding(json));

        assertThat(handler.next(Connected.class).session().encoding()).isEqualTo(json);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        RecordingHandler.Event removed = handler.nextEvent(Event.Type.AGENT_REMOVED);
        assertThat(removed.event().getAgentRemoved().getAgentId().getValue()).isEqualTo("a1");
        assertThat(new String(removed.raw(), StandardCharsets.UTF_8)).contains("\"agent_removed\"");
        FakeMaster.Request request = master.request();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"SUBSCRIBE\"}");
    }

    @Test
    void followsAProtocolRelativeRedirectToTheLeader() throws Exception {
        FakeMaster leader = master().then(streamThenStall(MesosEncoding.PROTOBUF, List.of(framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));
        FakeMaster standby = master().then(redirect("//" + leader.hostPort() + "/api/v1"));

        MesosSubscriber subscriber = subscribe(config(standby.url()));

        assertThat(handler.next(Connected.class).session().master()).isEqualTo(leader.url());
        handler.nextEvent(Event.Type.SUBSCRIBED);
        assertThat(standby.request().path()).isEqualTo("/api/v1");
        FakeMaster.Request followed = leader.request();
        assertThat(followed.method()).isEqualTo("POST");
        assertThat(followed.header("Content-Type")).isEqualTo("application/x-protobuf");
        assertThat(Call.parseFrom(followed.body()).getType()).isEqualTo(Call.Type.SUBSCRIBE);
        assertThat(subscriber.reconnects()).isZero();
    }

    @Test
    void followsAnAbsoluteRedirect() throws Exception {
        FakeMaster leader = master().then(streamThenStall(MesosEncoding.PROTOBUF, List.of(framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));
        FakeMaster standby = master().then(redirect(leader.url() + "/api/v1"));

        subscribe(config(standby.url()));

        assertThat(handler.next(Connected.class).session().master()).isEqualTo(leader.url());
    }

    @Test
    void anUnusableRedirectIsRetried() throws Exception {
        FakeMaster master = master().then(redirect("ftp://elsewhere/api/v1"),
                streamThenStall(MesosEncoding.PROTOBUF, List.of(framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));

        MesosSubscriber subscriber = subscribe(config(master.url()));

        assertThat(handler.next(Connected.class).session().master()).isEqualTo(master.url());
        assertThat(subscriber.reconnects()).isEqualTo(1);
    }

    @Test
    void retriesWhileTheMasterHasNoLeader() throws Exception {
        FakeMaster master = master().then(status(503, "No leader elected"), status(503, "Master is recovering"),
                streamThenStall(MesosEncoding.PROTOBUF, List.of(framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));

        MesosSubscriber subscriber = subscribe(config(master.url()));

        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        assertThat(subscriber.reconnects()).isEqualTo(2);
    }

    @Test
    void triesTheNextMasterWhenOneIsDown() throws Exception {
        URI down;
        try (ServerSocket socket = new ServerSocket(0)) {
            down = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        FakeMaster up = master().then(streamThenStall(MesosEncoding.PROTOBUF, List.of(framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));

        MesosSubscriber subscriber = subscribe(config(down, up.url()));

        assertThat(handler.next(Connected.class).session().master()).isEqualTo(up.url());
        assertThat(subscriber.reconnects()).isZero();
    }

    @Test
    void backsOffAndRetriesAfterARejection() throws Exception {
        FakeMaster master = master().then(status(415, "Expecting 'Content-Type' of application/json or application/x-protobuf"),
                streamThenStall(MesosEncoding.PROTOBUF, List.of(framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));

        MesosSubscriber subscriber = subscribe(config(master.url()));

        handler.next(Connected.class);
        assertThat(subscriber.reconnects()).isEqualTo(1);
    }

    @Test
    void sendsBasicAuthCredentials() throws Exception {
        FakeMaster master = master().then(streamThenStall(MesosEncoding.PROTOBUF, List.of(framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));

        subscribe(config(master.url()).withBasicAuth(new BasicAuth("ops", "s3cret")));

        handler.next(Connected.class);
        assertThat(master.request().header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void resubscribesWithANewSessionWhenHeartbeatsStop() throws Exception {
        byte[] subscribed = framed(MesosEncoding.PROTOBUF, Events.subscribed(0.1), Events.heartbeat());
        FakeMaster master = master().then(streamThenStall(MesosEncoding.PROTOBUF, List.of(subscribed)),
                streamThenStall(MesosEncoding.PROTOBUF, List.of(subscribed)));

        MesosSubscriber subscriber = subscribe(config(master.url()).withHeartbeatMisses(3));

        MesosSession first = handler.next(Connected.class).session();
        handler.nextEvent(Event.Type.SUBSCRIBED);
        handler.nextEvent(Event.Type.HEARTBEAT);
        Disconnected stalled = handler.next(Disconnected.class);
        assertThat(stalled.session()).isEqualTo(first);
        assertThat(stalled.reason()).contains("3 × the heartbeat interval of 100 ms");
        MesosSession second = handler.next(Connected.class).session();
        assertThat(second.id()).isNotEqualTo(first.id());
        handler.nextEvent(Event.Type.SUBSCRIBED);
        assertThat(subscriber.reconnects()).isEqualTo(1);
    }

    @Test
    void aSlowHandlerIsNotMistakenForASilentMaster() throws Exception {
        FakeMaster master = master().then((exchange, closing) -> {
            exchange.getResponseHeaders().add("Content-Type", MesosEncoding.PROTOBUF.mediaType());
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(framed(MesosEncoding.PROTOBUF, Events.subscribed(0.1)));
            exchange.getResponseBody().flush();
            Thread.sleep(300);
            exchange.getResponseBody().write(framed(MesosEncoding.PROTOBUF, Events.heartbeat()));
            exchange.getResponseBody().flush();
            closing.await(10, TimeUnit.SECONDS);
        });
        MesosStreamHandler slowOnSnapshot = new ForwardingHandler(handler) {
            @Override
            public void event(MesosSession session, long offset, byte[] raw, Event event) {
                super.event(session, offset, raw, event);
                if (event.getType() == Event.Type.SUBSCRIBED) {
                    sleep(Duration.ofMillis(600));
                }
            }
        };

        subscribe(config(master.url()).withHeartbeatMisses(2), slowOnSnapshot);

        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        handler.nextEvent(Event.Type.HEARTBEAT);
        assertThat(handler.next(Disconnected.class).reason()).contains("2 × the heartbeat interval of 100 ms");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void endsASessionThatSendsNothingBeforeTheFirstByteTimeout() throws Exception {
        FakeMaster master = master().then(streamThenStall(MesosEncoding.PROTOBUF, List.of()),
                streamThenStall(MesosEncoding.PROTOBUF, List.of(framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));

        subscribe(config(master.url()).withFirstByteTimeout(Duration.ofMillis(300)));

        handler.next(Connected.class);
        assertThat(handler.next(Disconnected.class).reason()).contains("first-byte timeout of 300 ms");
        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
    }

    @Test
    void brokenFramingFailsTheSessionAndResubscribes() throws Exception {
        byte[] subscribed = framed(MesosEncoding.PROTOBUF, Events.subscribed(15));
        byte[] garbage = "12x\nabc".getBytes(StandardCharsets.US_ASCII);
        FakeMaster master = master().then(streamThenStall(MesosEncoding.PROTOBUF, List.of(concat(subscribed, garbage))),
                streamThenStall(MesosEncoding.PROTOBUF, List.of(subscribed)));

        subscribe(config(master.url()));

        MesosSession first = handler.next(Connected.class).session();
        handler.nextEvent(Event.Type.SUBSCRIBED);
        StreamFailed failed = handler.next(StreamFailed.class);
        assertThat(failed.stage()).isEqualTo("recordio");
        assertThat(failed.offset()).isEqualTo(subscribed.length);
        assertThat(failed.unread()).isEqualTo(garbage);
        assertThat(failed.error()).contains("non-digit byte 0x78");
        Disconnected disconnected = handler.next(Disconnected.class);
        assertThat(disconnected.session()).isEqualTo(first);
        assertThat(disconnected.reason()).startsWith("RecordIO framing failed");
        assertThat(handler.next(Connected.class).session().id()).isNotEqualTo(first.id());
    }

    @Test
    void aStreamEndingInsideARecordIsTruncated() throws Exception {
        byte[] subscribed = framed(MesosEncoding.PROTOBUF, Events.subscribed(15));
        FakeMaster master = master().then(stream(MesosEncoding.PROTOBUF, List.of(subscribed, "100\nabc".getBytes(StandardCharsets.US_ASCII))));

        subscribe(config(master.url()));

        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        StreamFailed failed = handler.next(StreamFailed.class);
        assertThat(failed.error()).isEqualTo("Stream ended inside the record at offset " + subscribed.length + ", after 3 of its 100 bytes");
        assertThat(failed.unread()).isEqualTo("100\nabc".getBytes(StandardCharsets.US_ASCII));
        handler.next(Disconnected.class);
    }

    @Test
    void aStreamEndingOnARecordBoundaryEndsTheSessionCleanly() throws Exception {
        FakeMaster master = master().then(stream(MesosEncoding.PROTOBUF, List.of(framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));

        subscribe(config(master.url()));

        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        assertThat(handler.next(Disconnected.class).reason()).isEqualTo("the master closed the stream");
    }

    @Test
    void aBrokenProtobufRecordIsUndecodableAndTheStreamGoesOn() throws Exception {
        MesosEncoding protobuf = MesosEncoding.PROTOBUF;
        byte[] broken = {0x0a, 0x05, 'a'}; // a length-delimited field cut short
        byte[] bytes = framed(List.of(protobuf.encode(Events.subscribed(15)), broken, protobuf.encode(Events.heartbeat())));
        FakeMaster master = master().then(streamThenStall(protobuf, List.of(bytes)));

        subscribe(config(master.url()));

        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        Undecodable undecodable = handler.next(Undecodable.class);
        assertThat(undecodable.stage()).isEqualTo("protobuf-decode");
        assertThat(undecodable.raw()).isEqualTo(broken);
        assertThat(undecodable.error()).isNotBlank();
        handler.nextEvent(Event.Type.HEARTBEAT);
    }

    @Test
    void anEventWithANewerEnumValueInARequiredFieldReachesTheHandler() throws Exception {
        Event.TaskUpdated withoutState = Event.TaskUpdated.newBuilder()
                .setFrameworkId(org.apache.mesos.v1.Protos.FrameworkID.newBuilder().setValue("fw"))
                .setStatus(org.apache.mesos.v1.Protos.TaskStatus.newBuilder()
                        .setTaskId(org.apache.mesos.v1.Protos.TaskID.newBuilder().setValue("t1"))
                        .setState(org.apache.mesos.v1.Protos.TaskState.TASK_RUNNING))
                .buildPartial();
        ByteArrayOutputStream taskUpdated = new ByteArrayOutputStream();
        taskUpdated.write(withoutState.toByteArray());
        taskUpdated.write(new byte[] {0x18, 99}); // field 3 (state) = 99, a state these classes do not know
        byte[] event = Event.newBuilder().setType(Event.Type.TASK_UPDATED)
                .setTaskUpdated(Event.TaskUpdated.parser().parsePartialFrom(taskUpdated.toByteArray()))
                .buildPartial().toByteArray();
        MesosEncoding protobuf = MesosEncoding.PROTOBUF;
        FakeMaster master = master().then(streamThenStall(protobuf, List.of(framed(List.of(protobuf.encode(Events.subscribed(15)), event)))));

        subscribe(config(master.url()));

        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        Event received = handler.nextEvent(Event.Type.TASK_UPDATED).event();
        assertThat(received.getTaskUpdated().hasState()).isFalse();
        assertThat(received.getTaskUpdated().getUnknownFields().hasField(3)).isTrue();
    }

    @Test
    void aBrokenJsonRecordIsUndecodableAndTheStreamGoesOn() throws Exception {
        MesosEncoding json = MesosEncoding.JSON;
        byte[] broken = "{\"type\":\"HEARTBEAT\"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = framed(List.of(json.encode(Events.subscribed(15)), broken, json.encode(Events.heartbeat())));
        FakeMaster master = master().then(streamThenStall(json, List.of(bytes)));

        subscribe(config(master.url()).withEncoding(json));

        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        Undecodable undecodable = handler.next(Undecodable.class);
        assertThat(undecodable.stage()).isEqualTo("json-decode");
        assertThat(undecodable.raw()).isEqualTo(broken);
        handler.nextEvent(Event.Type.HEARTBEAT);
    }

    @Test
    void anUnknownProtobufEventTypeReachesTheHandler() throws Exception {
        MesosEncoding protobuf = MesosEncoding.PROTOBUF;
        byte[] unknown = {0x08, (byte) 0xe7, 0x07}; // type = 999
        FakeMaster master = master().then(streamThenStall(protobuf, List.of(framed(List.of(protobuf.encode(Events.subscribed(15)), unknown)))));

        subscribe(config(master.url()));

        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        RecordingHandler.Event event = handler.nextEvent(Event.Type.UNKNOWN);
        assertThat(event.raw()).isEqualTo(unknown);
    }

    @Test
    void anUnknownJsonEventTypeReachesTheHandler() throws Exception {
        MesosEncoding json = MesosEncoding.JSON;
        byte[] unknown = "{\"type\":\"RESOURCE_PROVIDER_ADDED\",\"resource_provider_added\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8);
        FakeMaster master = master().then(streamThenStall(json, List.of(framed(List.of(json.encode(Events.subscribed(15)), unknown)))));

        subscribe(config(master.url()).withEncoding(json));

        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        assertThat(handler.nextEvent(Event.Type.UNKNOWN).raw()).isEqualTo(unknown);
    }

    @Test
    void aFailingHandlerEndsTheSessionAndTheSubscriberResubscribes() throws Exception {
        byte[] bytes = framed(MesosEncoding.PROTOBUF, Events.subscribed(15), Events.agentRemoved("a1"));
        FakeMaster master = master().then(streamThenStall(MesosEncoding.PROTOBUF, List.of(bytes)), streamThenStall(MesosEncoding.PROTOBUF, List.of(bytes)));
        MesosStreamHandler failOnFirstAgentRemoved = new ForwardingHandler(handler) {
            private boolean failed;

            @Override
            public void event(MesosSession session, long offset, byte[] raw, Event event) {
                if (event.getType() == Event.Type.AGENT_REMOVED && !failed) {
                    failed = true;
                    throw new IllegalStateException("Kafka is down");
                }
                super.event(session, offset, raw, event);
            }
        };

        subscribe(config(master.url()), failOnFirstAgentRemoved);

        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        assertThat(handler.next(Disconnected.class).reason()).isEqualTo("handler failed: IllegalStateException: Kafka is down");
        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        handler.nextEvent(Event.Type.AGENT_REMOVED);
    }

    @Test
    void closeStopsPromptlyAndEndsTheSession() throws Exception {
        FakeMaster master = master().then(streamThenStall(MesosEncoding.PROTOBUF, List.of(framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));
        MesosSubscriber subscriber = subscribe(config(master.url()));
        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);

        long start = System.nanoTime();
        subscriber.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(handler.next(Disconnected.class).reason()).isEqualTo("subscriber closed");
        assertThat(subscriber.session()).isEmpty();
    }

    @Test
    void aHandlerMayCloseTheSubscriber() throws Exception {
        FakeMaster master = master().then(streamThenStall(MesosEncoding.PROTOBUF, List.of(framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));
        AtomicReference<MesosSubscriber> self = new AtomicReference<>();
        MesosStreamHandler closeOnSnapshot = new ForwardingHandler(handler) {
            @Override
            public void event(MesosSession session, long offset, byte[] raw, Event event) {
                super.event(session, offset, raw, event);
                self.get().close();
            }
        };
        MesosSubscriber subscriber = new MesosSubscriber(config(master.url()), closeOnSnapshot);
        self.set(subscriber);
        resources.add(0, subscriber);
        subscriber.start();

        handler.next(Connected.class);
        handler.nextEvent(Event.Type.SUBSCRIBED);
        assertThat(handler.next(Disconnected.class).reason()).isEqualTo("subscriber closed");
    }

    @Test
    void closeStopsABackoff() throws Exception {
        FakeMaster master = master();
        MesosSubscriber subscriber = subscribe(config(master.url())
                .withBackoff(new BackoffPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1))));
        master.request();

        long start = System.nanoTime();
        subscriber.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
