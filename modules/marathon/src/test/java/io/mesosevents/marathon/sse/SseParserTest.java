package io.mesosevents.marathon.sse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SseParserTest {

    private static final int MAX = 32;

    /** One wire case: the stream, and what a parser must report for it, in order. */
    record Case(String name, String wire, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String event(String type, String data, long offset) {
        return "event[" + type + "] " + data.replace("\n", "\\n") + " @" + offset;
    }

    private static String broken(String raw, long offset) {
        return "broken " + raw.replace("\n", "\\n").replace("\r", "\\r") + " @" + offset;
    }

    static Stream<Case> cases() {
        String tooLong = "data: " + "a".repeat(40);
        return Stream.of(
                new Case("LF line ends", "event: a\ndata: x\n\n", List.of(event("a", "x", 0))),
                new Case("CRLF line ends", "event: a\r\ndata: x\r\n\r\n", List.of(event("a", "x", 0))),
                new Case("CR line ends", "event: a\rdata: x\r\r", List.of(event("a", "x", 0))),
                new Case("mixed line ends in one frame", "data: 1\r\ndata: 2\rdata: 3\n\n", List.of(event("-", "1\n2\n3", 0))),
                new Case("multi-line data joined with LF", "data: a\ndata: b\n\n", List.of(event("-", "a\nb", 0))),
                new Case("one leading space stripped, no more", "data:  x\n\ndata:y\n\n", List.of(event("-", " x", 0), event("-", "y", 10))),
                new Case("a field name without colon", "data\ndata\n\n", List.of(event("-", "\n", 0))),
                new Case("comments and keep-alives", ": hi\n\n\r\n:ping\r\ndata: x\n\n\n", List.of(event("-", "x", 15))),
                new Case("id, retry and unknown fields ignored", "id: 7\nretry: 1\nfoo: b\ndata: x\n\n", List.of(event("-", "x", 0))),
                new Case("the type is reset by a blank line", "event: a\n\ndata: x\n\n", List.of(event("-", "x", 10))),
                new Case("an empty event name", "event:\ndata: x\n\n", List.of(event("-", "x", 0))),
                new Case("a frame without data dispatches nothing", "event: a\n\nevent: b\r\n\r\n", List.of()),
                new Case("the last event field wins", "event: a\nevent: b\ndata: x\n\n", List.of(event("b", "x", 0))),
                new Case("a byte order mark at the start", "\uFEFFevent: a\ndata: x\n\n", List.of(event("a", "x", 3))),
                new Case("a byte order mark before a comment", "\uFEFF: hello\ndata: x\n\n", List.of(event("-", "x", 11))),
                new Case("a byte order mark alone on the first line", "\uFEFF\ndata: x\n\n", List.of(event("-", "x", 4))),
                new Case("a byte order mark later is no BOM", "data: x\n\n\uFEFFdata: y\n\n", List.of(event("-", "x", 0))),
                new Case("UTF-8 kept byte for byte", "data: é€\n\n", List.of(event("-", "é€", 0))),
                new Case("a line starting with a brace is data", "data: {\"a\":1}\r\n{\"b\":2}\r\n\r\n", List.of(event("-", "{\"a\":1}\n{\"b\":2}", 0))),
                new Case("the stream ends inside an event", "data: x\n\ndata: y\r", List.of(event("-", "x", 0), broken("data: y\r", 9))),
                new Case("the stream ends inside a line", "data: x\n\nevent: a\ndat", List.of(event("-", "x", 0), broken("event: a\ndat", 9))),
                new Case("the stream ends after an event line only", "data: x\n\nevent: a\n", List.of(event("-", "x", 0))),
                new Case("an oversized line, then resynchronisation", tooLong + "\n\ndata: y\n\n",
                        List.of(broken(tooLong.substring(0, MAX + 1), 0), event("-", "y", 48))),
                new Case("an oversized frame of short lines", "event: a\ndata: 0123456789\ndata: 0123456789\ndata: z\n\ndata: y\n\n",
                        List.of(broken("event: a\ndata: 0123456789\ndata: 0", 0), event("-", "y", 52))),
                new Case("a frame of exactly the maximum size", "data: 0123456789012345678901234\n\n",
                        List.of(event("-", "0123456789012345678901234", 0))),
                new Case("comments do not count towards the size", ": " + "c".repeat(100) + "\ndata: y\n\n", List.of(event("-", "y", 103))));
    }

    private static List<String> parse(byte[] wire, int... splits) {
        List<String> seen = new ArrayList<>();
        SseParser parser = new SseParser(MAX, new SseListener() {
            @Override
            public void event(SseEvent event) {
                seen.add(SseParserTest.event(event.type().orElse("-"), new String(event.data(), StandardCharsets.UTF_8), event.offset()));
            }

            @Override
            public void broken(long offset, byte[] raw, String reason) {
                seen.add(SseParserTest.broken(new String(raw, StandardCharsets.UTF_8), offset));
            }
        });
        int from = 0;
        for (int split : splits) {
            parser.feed(Arrays.copyOfRange(wire, from, split));
            from = split;
        }
        parser.feed(Arrays.copyOfRange(wire, from, wire.length));
        parser.finish();
        return seen;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesTheWholeStream(Case c) {
        assertThat(parse(bytes(c.wire()))).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesTheSameWhereverTheStreamIsSplit(Case c) {
        byte[] wire = bytes(c.wire());
        for (int split = 0; split <= wire.length; split++) {
            assertThat(parse(wire, split)).as("split at byte %d", split).isEqualTo(c.expected());
        }
        int[] everyByte = new int[wire.length];
        Arrays.setAll(everyByte, i -> i);
        assertThat(parse(wire, everyByte)).as("one byte per read").isEqualTo(c.expected());
    }

    @Test
    void aCrEndingOneReadAndAnLfStartingTheNextAreOneLineEnd() {
        // Were they two line ends, the blank line between would reset the type "a".
        assertThat(parse(bytes("event: a\r\ndata: x\r\n\r\n"), 9)).containsExactly(event("a", "x", 0));
    }

    @Test
    void reportsAnOversizedEventClearlyAndKeepsParsing() {
        List<String> reasons = new ArrayList<>();
        List<String> events = new ArrayList<>();
        SseParser parser = new SseParser(16, new SseListener() {
            @Override
            public void event(SseEvent event) {
                events.add(new String(event.data(), StandardCharsets.UTF_8));
            }

            @Override
            public void broken(long offset, byte[] raw, String reason) {
                reasons.add(reason);
            }
        });

        parser.feed(bytes("data: ok\n\ndata: " + "x".repeat(100) + "\ndata: more\n\ndata: after\n\n"));

        assertThat(reasons).containsExactly("the event at offset 10 is larger than the maximum event size of 16 bytes; skipped up to the next blank line");
        assertThat(events).containsExactly("ok", "after");
    }

    @Test
    void anOversizedEventKeepsAtMostTheExcerpt() {
        List<byte[]> raws = new ArrayList<>();
        SseParser parser = new SseParser(SseParser.DEFAULT_MAX_EVENT_SIZE, new SseListener() {
            @Override
            public void event(SseEvent event) {
                throw new AssertionError("No event expected: " + event);
            }

            @Override
            public void broken(long offset, byte[] raw, String reason) {
                raws.add(raw);
            }
        });
        byte[] chunk = bytes("y".repeat(64 * 1024));

        parser.feed(bytes("data: "));
        for (int i = 0; i < 200; i++) { // 12.5 MiB on one line, beyond the default 8 MiB
            parser.feed(chunk);
        }
        parser.feed(bytes("\n\n"));

        assertThat(raws).hasSize(1);
        assertThat(raws.get(0)).hasSize(SseParser.EXCERPT_BYTES).startsWith(bytes("data: yyy"));
    }

    @Test
    void mapsEveryDataByteToItsStreamOffset() {
        String wire = ": c\r\nevent: e\r\ndata: ab\r\ndata:cd\r\n{x}\r\n\r\n";
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(1024, new SseListener() {
            @Override
            public void event(SseEvent event) {
                events.add(event);
            }

            @Override
            public void broken(long offset, byte[] raw, String reason) {
                throw new AssertionError(reason);
            }
        });

        parser.feed(bytes(wire));

        SseEvent event = events.get(0);
        String data = new String(event.data(), StandardCharsets.UTF_8);
        assertThat(data).isEqualTo("ab\ncd\n{x}");
        for (int i = 0; i < data.length(); i++) {
            if (data.charAt(i) != '\n') {
                assertThat(wire.charAt((int) event.streamOffset(i))).as("data[%d]", i).isEqualTo(data.charAt(i));
            }
        }
        assertThat(event.offset()).isEqualTo(wire.indexOf("event"));
        assertThat(parser.position()).isEqualTo(wire.length());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
