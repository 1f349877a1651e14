package io.mesosevents.mesos.recordio;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordIoDecoderTest {

    private record Decoded(long offset, String payload) {
    }

    private final List<Decoded> records = new ArrayList<>();

    private RecordIoDecoder decoder(int maxRecordSize) {
        return new RecordIoDecoder(maxRecordSize, (offset, payload) -> records.add(new Decoded(offset, new String(payload, StandardCharsets.UTF_8))));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] stream(String... payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String payload : payloads) {
            out.writeBytes(RecordIo.frame(ascii(payload)));
        }
        return out.toByteArray();
    }

    // "hello" at 0, "" at 7, "a\nb" at 9, "{\"type\":\"HEARTBEAT\"}" at 14
    private static final byte[] STREAM = stream("hello", "", "a\nb", "{\"type\":\"HEARTBEAT\"}");
    private static final List<Decoded> EXPECTED = List.of(
            new Decoded(0, "hello"), new Decoded(7, ""), new Decoded(9, "a\nb"), new Decoded(14, "{\"type\":\"HEARTBEAT\"}"));

    @Test
    void decodesManyRecordsFromOneRead() throws Exception {
        RecordIoDecoder decoder = decoder(1024);
        decoder.feed(STREAM);
        decoder.finish();

        assertThat(records).isEqualTo(EXPECTED);
        assertThat(decoder.position()).isEqualTo(STREAM.length);
        assertThat(decoder.insideRecord()).isFalse();
    }

    @Test
    void decodesTheSameWhateverOneOrTwoChunkBoundaries() throws Exception {
        for (int first = 0; first <= STREAM.length; first++) {
            for (int second = first; second <= STREAM.length; second++) {
                records.clear();
                RecordIoDecoder decoder = decoder(1024);
                decoder.feed(STREAM, 0, first);
                decoder.feed(STREAM, first, second - first);
                decoder.feed(Arrays.copyOfRange(STREAM, second, STREAM.length));
                decoder.finish();
                assertThat(records).as("boundaries at %d and %d", first, second).isEqualTo(EXPECTED);
            }
        }
    }

    @Test
    void decodesOneByteAtATime() throws Exception {
        RecordIoDecoder decoder = decoder(1024);
        for (int i = 0; i < STREAM.length; i++) {
            decoder.feed(STREAM, i, 1);
            assertThat(decoder.position()).isEqualTo(i + 1);
        }
        decoder.finish();

        assertThat(records).isEqualTo(EXPECTED);
    }

    @Test
    void decodesALargeRecordFedInSmallSlices() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024 + 17];
        new Random(7).nextBytes(big);
        byte[] framed = RecordIo.frame(big);
        List<byte[]> payloads = new ArrayList<>();
        RecordIoDecoder decoder = new RecordIoDecoder(big.length, (offset, payload) -> payloads.add(payload));

        for (int at = 0; at < framed.length; at += 65_536) {
            decoder.feed(framed, at, Math.min(65_536, framed.length - at));
        }
        decoder.finish();

        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0)).isEqualTo(big);
    }

    @Test
    void acceptsARecordOfExactlyTheMaximum() throws Exception {
        decoder(5).feed(stream("12345"));

        assertThat(records).containsExactly(new Decoded(0, "12345"));
    }

    @Test
    void rejectsARecordOverTheMaximum() throws Exception {
        RecordIoDecoder decoder = decoder(5);
        decoder.feed(stream("ok"));

        assertThatThrownBy(() -> decoder.feed(ascii("6\nabcdef")))
                .isInstanceOfSatisfying(RecordIoException.class, e -> {
                    assertThat(e).hasMessage("Record of 6 bytes exceeds the maximum of 5 (--mesos-max-record-size) at offset 4");
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e.unread()).isEqualTo(ascii("6\nabcdef"));
                });
        assertThat(records).containsExactly(new Decoded(0, "ok"));
    }

    @Test
    void rejectsANonDigitInTheLength() throws Exception {
        RecordIoDecoder decoder = decoder(1024);
        decoder.feed(ascii("2\nok1"));

        assertThatThrownBy(() -> decoder.feed(ascii("2x\nzz")))
                .isInstanceOfSatisfying(RecordIoException.class, e -> {
                    assertThat(e).hasMessage("Record length at offset 4 has a non-digit byte 0x78 at offset 6");
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e.unread()).isEqualTo(ascii("12x\nzz"));
                });
    }

    @Test
    void rejectsALengthThatOverflowsALong() {
        RecordIoDecoder decoder = decoder(1024);

        assertThatThrownBy(() -> decoder.feed(ascii("9999999999999999999\nx")))
                .isInstanceOf(RecordIoException.class)
                .hasMessage("Record length 9999999999999999999 at offset 0 overflows a 64-bit integer");
    }

    @Test
    void rejectsALengthWithMoreDigitsThanALongHolds() {
        RecordIoDecoder decoder = decoder(1024);

        assertThatThrownBy(() -> decoder.feed(ascii("1".repeat(25))))
                .isInstanceOfSatisfying(RecordIoException.class, e -> {
                    assertThat(e).hasMessageStartingWith("Record length at offset 0 overflows: more than 19 digits");
                    assertThat(e.unread()).isEqualTo(ascii("1".repeat(25)));
                });
    }

    @Test
    void rejectsAnEmptyLengthLine() throws Exception {
        RecordIoDecoder decoder = decoder(1024);
        decoder.feed(ascii("1\na"));

        assertThatThrownBy(() -> decoder.feed(ascii("\n1\nb")))
                .isInstanceOfSatisfying(RecordIoException.class, e -> {
                    assertThat(e).hasMessage("Empty record length line at offset 3");
                    assertThat(e.offset()).isEqualTo(3);
                    assertThat(e.unread()).isEqualTo(ascii("\n1\nb"));
                });
    }

    @Test
    void reportsAStreamTruncatedInsideThePayload() throws Exception {
        RecordIoDecoder decoder = decoder(1024);
        decoder.feed(ascii("1\na10\nabc"));

        assertThat(decoder.insideRecord()).isTrue();
        assertThatThrownBy(decoder::finish)
                .isInstanceOfSatisfying(RecordIoException.class, e -> {
                    assertThat(e).hasMessage("Stream ended inside the record at offset 3, after 3 of its 10 bytes");
                    assertThat(e.offset()).isEqualTo(3);
                    assertThat(e.unread()).isEqualTo(ascii("10\nabc"));
                });
        assertThat(records).containsExactly(new Decoded(0, "a"));
    }

    @Test
    void reportsAStreamTruncatedInsideTheLengthLine() throws Exception {
        RecordIoDecoder decoder = decoder(1024);
        decoder.feed(ascii("12"));

        assertThatThrownBy(decoder::finish)
                .isInstanceOf(RecordIoException.class)
                .hasMessage("Stream ended inside the record at offset 0, inside its length line after 2 digit(s)");
    }

    @Test
    void finishesCleanlyOnARecordBoundary() throws Exception {
        RecordIoDecoder decoder = decoder(1024);
        decoder.feed(ascii("1\na"));

        decoder.finish();
        decoder.finish();
        assertThat(records).containsExactly(new Decoded(0, "a"));
    }

    @Test
    void boundsTheUnreadExcerpt() {
        byte[] garbage = new byte[3 * RecordIoDecoder.UNREAD_EXCERPT_BYTES];
        Arrays.fill(garbage, (byte) 'x');
        RecordIoDecoder decoder = decoder(1024);

        assertThatThrownBy(() -> decoder.feed(garbage))
                .isInstanceOfSatisfying(RecordIoException.class,
                        e -> assertThat(e.unread()).hasSize(RecordIoDecoder.UNREAD_EXCERPT_BYTES));
    }

    @Test
    void refusesInputAfterAFailure() {
        RecordIoDecoder decoder = decoder(1024);
        assertThatThrownBy(() -> decoder.feed(ascii("x"))).isInstanceOf(RecordIoException.class);

        assertThatThrownBy(() -> decoder.feed(ascii("1\na"))).isInstanceOf(IllegalStateException.class);
    }
}
