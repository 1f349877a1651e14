package io.mesosevents.marathon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire quirks of captured Marathon streams, decoded whole and split at every byte. */
class EventStreamDecoderTest {

    private static final int MAX = 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String ATTACHED = "{\"remoteAddress\":\"10.0.0.9\",\"eventType\":\"event_stream_attached\",\"timestamp\":\"2017-05-01T10:00:00.000Z\"}";
    private static final String STATUS = "{\"slaveId\":\"s1\",\"taskId\":\"web.1\",\"taskStatus\":\"TASK_RUNNING\",\"appId\":\"/web\","
            + "\"eventType\":\"status_update_event\",\"timestamp\":\"2017-05-01T10:00:01.000Z\"}";
    private static final String HEALTH = "{\"appId\":\"/web\",\"taskId\":\"web.1\",\"alive\":true,\"eventType\":\"health_status_changed_event\","
            + "\"timestamp\":\"2017-05-01T10:00:02.000Z\"}";
    private static final String UNICODE = "{\"appId\":\"/café\",\"eventType\":\"app_terminated_event\",\"timestamp\":\"2017-05-01T10:00:03.000Z\"}";

    /** What the sink got, in a form that compares by value. */
    record Outcome(String kind, String type, String raw, long offset, String reason) {
    }

    /** An expected outcome; the offset is where {@code raw} occurs in the wire, after the previous one. */
    record Expected(String kind, String type, String raw, String reasonFragment, Long offset) {
    }

    record Case(String name, String wire, List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Expected event(String type, String json) {
        return new Expected("event", type, json, "", null);
    }

    private static Expected malformed(String stage, String raw, String reasonFragment) {
        return new Expected(stage, "", raw, reasonFragment, null);
    }

    private static String frame(String type, String json) {
        return "event: " + type + "\r\ndata: " + json + "\r\n\r\n";
    }

    static Stream<Case> cases() {
        String oversized = "{\"eventType\":\"deployment_info\",\"plan\":\"" + "p".repeat(MAX) + "\"}";
        return Stream.of(
                new Case("frames as Marathon's Jetty writes them", frame("event_stream_attached", ATTACHED) + frame("status_update_event", STATUS),
                        List.of(event("event_stream_attached", ATTACHED), event("status_update_event", STATUS))),
                new Case("no event line: the type comes from the JSON", "data: " + STATUS + "\r\n\r\n",
                        List.of(event("status_update_event", STATUS))),
                new Case("a blank line between event and data", "event: status_update_event\r\n\r\ndata: " + STATUS + "\r\n\r\n",
                        List.of(event("status_update_event", STATUS))),
                new Case("several objects in one data field, one per data line",
                        "event: status_update_event\r\ndata: " + STATUS + "\r\ndata: " + HEALTH + "\r\n\r\n",
                        List.of(event("status_update_event", STATUS), event("health_status_changed_event", HEALTH))),
                new Case("several objects in one data field, separated by CRLF",
                        "data: " + STATUS + "\r\n" + HEALTH + "\r\n\r\n",
                        List.of(event("status_update_event", STATUS), event("health_status_changed_event", HEALTH))),
                new Case("several objects on one data line", "data: " + STATUS + " " + HEALTH + UNICODE + "\n\n",
                        List.of(event("status_update_event", STATUS), event("health_status_changed_event", HEALTH),
                                event("app_terminated_event", UNICODE))),
                new Case("keep-alives and comments between events", "\r\n\r\n" + frame("a", ATTACHED) + ": ping\r\n\r\n\n\n" + frame("b", STATUS),
                        List.of(event("event_stream_attached", ATTACHED), event("status_update_event", STATUS))),
                new Case("CR line ends and a byte order mark", "\uFEFFevent: x\rdata: " + UNICODE + "\r\r",
                        List.of(event("app_terminated_event", UNICODE))),
                new Case("no eventType: the SSE name, else the standard's default",
                        "event: custom\ndata: {\"a\":1}\n\ndata: {\"b\":2}\n\n",
                        List.of(event("custom", "{\"a\":1}"), event(MarathonEventMessage.UNTYPED, "{\"b\":2}"))),
                new Case("invalid JSON is malformed and the stream goes on",
                        "data: {\"eventType\":\"status_update_event\",\n\n" + frame("health_status_changed_event", HEALTH),
                        List.of(malformed("json", "{\"eventType\":\"status_update_event\",", "invalid JSON"),
                                event("health_status_changed_event", HEALTH))),
                new Case("an object followed by garbage", "data: " + STATUS + " }{x\n\n",
                        List.of(event("status_update_event", STATUS), malformed("json", "}{x", "invalid JSON"))),
                new Case("a JSON value that is no object", "data: [1,2]\n\n" + frame("x", HEALTH),
                        List.of(malformed("json", "[1,2]", "a JSON array"), event("health_status_changed_event", HEALTH))),
                new Case("an oversized event, then resynchronisation",
                        frame("deployment_info", oversized) + frame("status_update_event", STATUS),
                        List.of(malformed("sse", frame("deployment_info", oversized).substring(0, MAX + 1), "larger than the maximum event size"),
                                event("status_update_event", STATUS))),
                new Case("the stream ends inside an event", frame("a", ATTACHED) + "data: " + STATUS + "\r\n",
                        List.of(event("event_stream_attached", ATTACHED), malformed("sse", "data: " + STATUS + "\r\n", "the stream ended inside"))));
    }

    private static List<Outcome> decode(byte[] wire, int... splits) {
        List<Outcome> seen = new ArrayList<>();
        EventStreamDecoder decoder = new EventStreamDecoder(MAX, new EventSink() {
            @Override
            public void event(MarathonEventMessage event) {
                try {
                    assertThat(event.json()).isEqualTo(MAPPER.readTree(event.rawJson()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                seen.add(new Outcome("event", event.eventType(), event.rawJson(), event.offset(), ""));
            }

            @Override
            public void malformed(MalformedEvent malformed) {
                seen.add(new Outcome(malformed.stage(), "", malformed.rawText(), malformed.offset(), malformed.reason()));
            }
        });
        int from = 0;
        for (int split : splits) {
            decoder.feed(wire, from, split - from);
            from = split;
        }
        decoder.feed(wire, from, wire.length - from);
        decoder.finish();
        return seen;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesTheWholeStream(Case c) {
        byte[] wire = c.wire().getBytes(StandardCharsets.UTF_8);
        List<Outcome> seen = decode(wire);

        assertThat(seen).hasSameSizeAs(c.expected());
        int searchFrom = 0;
        for (int i = 0; i < seen.size(); i++) {
            Expected expected = c.expected().get(i);
            Outcome outcome = seen.get(i);
            byte[] raw = expected.raw().getBytes(StandardCharsets.UTF_8);
            long offset = indexOf(wire, raw, searchFrom);
            searchFrom = (int) offset + raw.length;
            assertThat(outcome.kind()).as("outcome %d", i).isEqualTo(expected.kind());
            assertThat(outcome.type()).as("type of outcome %d", i).isEqualTo(expected.type());
            assertThat(outcome.raw()).as("raw of outcome %d", i).isEqualTo(expected.raw());
            assertThat(outcome.offset()).as("offset of outcome %d", i).isEqualTo(offset);
            assertThat(outcome.reason()).as("reason of outcome %d", i).contains(expected.reasonFragment());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesTheSameWhereverTheStreamIsSplit(Case c) {
        byte[] wire = c.wire().getBytes(StandardCharsets.UTF_8);
        List<Outcome> whole = decode(wire);
        for (int split = 0; split <= wire.length; split++) {
            assertThat(decode(wire, split)).as("split at byte %d", split).isEqualTo(whole);
        }
    }

    @Test
    void readsTheTimestamp() {
        List<MarathonEventMessage> events = new ArrayList<>();
        EventStreamDecoder decoder = new EventStreamDecoder(MAX, sink(events));
        byte[] wire = ("data: " + ATTACHED + "\n\ndata: {\"eventType\":\"x\",\"timestamp\":\"yesterday\"}\n\n"
                + "data: {\"eventType\":\"y\",\"timestamp\":\"2017-05-01T12:00:00.5+02:00\"}\n\n").getBytes(StandardCharsets.UTF_8);

        decoder.feed(wire, 0, wire.length);

        assertThat(events).extracting(MarathonEventMessage::timestamp).containsExactly(
                Optional.of(Instant.parse("2017-05-01T10:00:00Z")),
                Optional.empty(),
                Optional.of(Instant.parse("2017-05-01T10:00:00.5Z")));
    }

    @Test
    void anEmptyDataFieldIsMalformed() {
        List<MalformedEvent> malformed = new ArrayList<>();
        EventStreamDecoder decoder = new EventStreamDecoder(MAX, new EventSink() {
            @Override
            public void event(MarathonEventMessage event) {
                throw new AssertionError("No event expected: " + event);
            }

            @Override
            public void malformed(MalformedEvent m) {
                malformed.add(m);
            }
        });
        byte[] wire = "event: x\ndata:\n\n".getBytes(StandardCharsets.UTF_8);

        decoder.feed(wire, 0, wire.length);

        assertThat(malformed).singleElement().satisfies(m -> {
            assertThat(m.raw()).isEmpty();
            assertThat(m.stage()).isEqualTo(MalformedEvent.STAGE_JSON);
            assertThat(m.reason()).isEqualTo("the event's data holds no JSON value");
            assertThat(m.offset()).isEqualTo(14);
        });
    }

    private static EventSink sink(List<MarathonEventMessage> events) {
        return new EventSink() {
            @Override
            public void event(MarathonEventMessage event) {
                events.add(event);
            }

            @Override
            public void malformed(MalformedEvent malformed) {
                throw new AssertionError("Unexpected: " + malformed);
            }
        };
    }

    private static long indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("Not in the wire: " + new String(needle, StandardCharsets.UTF_8));
    }
}
