package io.mesosevents.mesos.recordio;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Streaming decoder for Mesos RecordIO ({@code <decimal length>\n<bytes>}). It works on the byte
 * stream, not on transport chunks: a record may span any number of {@link #feed} calls and one
 * call may complete many records. Each completed record goes to the {@link RecordConsumer} before
 * {@code feed} returns. Not thread-safe: one decoder belongs to one reader of one stream.
 *
 * <p>After a {@link RecordIoException} the decoder is dead: RecordIO has no resynchronisation
 * point, so the rest of the stream cannot be framed.
 */
public final class RecordIoDecoder {

    /**
     * Default maximum record size, 512 MiB. The largest record of a Mesos stream is the
     * {@code SUBSCRIBED} snapshot; 100,000 tasks with statuses and labels come to a few hundred
     * MiB at most in JSON, so this leaves headroom while still stopping a corrupt length from
     * asking for gigabytes.
     */
    public static final int DEFAULT_MAX_RECORD_SIZE = 512 * 1024 * 1024;

    /** How many bytes of a failing stream a {@link RecordIoException} keeps: enough to see what went wrong. */
    public static final int UNREAD_EXCERPT_BYTES = 4096;

    // Long.MAX_VALUE has 19 digits; a 20th digit can only overflow.
    private static final int MAX_LENGTH_DIGITS = 19;
    // A payload buffer starts at most this big and grows as bytes arrive, so that a corrupt but
    // permitted length does not reserve memory the stream never fills.
    private static final int INITIAL_PAYLOAD_CAPACITY = 1024 * 1024;

    private static final byte[] LINE_FEED = {'\n'};

    private final int maxRecordSize;
    private final RecordConsumer consumer;

    private long position;
    private long recordStart;
    private final byte[] header = new byte[MAX_LENGTH_DIGITS];
    private int headerLength;
    private byte[] payload;
    private int payloadLength;
    private int payloadFilled;
    private RecordIoException failure;

    /** A decoder that rejects records larger than {@code maxRecordSize} bytes. */
    public RecordIoDecoder(int maxRecordSize, RecordConsumer consumer) {
        if (maxRecordSize < 0) {
            throw new IllegalArgumentException("maxRecordSize must not be negative: " + maxRecordSize);
        }
        this.maxRecordSize = maxRecordSize;
        this.consumer = consumer;
    }

    /** A decoder with the {@link #DEFAULT_MAX_RECORD_SIZE default maximum record size}. */
    public RecordIoDecoder(RecordConsumer consumer) {
        this(DEFAULT_MAX_RECORD_SIZE, consumer);
    }

    public void feed(byte[] bytes) throws RecordIoException {
        feed(bytes, 0, bytes.length);
    }

    /** Decodes {@code length} bytes of {@code bytes} from {@code offset}; they are not kept after the call. */
    public void feed(byte[] bytes, int offset, int length) throws RecordIoException {
        if (failure != null) {
            throw new IllegalStateException("The stream failed at offset " + failure.offset() + " and cannot be decoded further", failure);
        }
        int end = offset + length;
        int i = offset;
        while (i < end) {
            i = payload == null ? readHeader(bytes, i, end) : readPayload(bytes, i, end);
        }
    }

    /**
     * Declares the end of the stream: fails if it ends inside a record (a truncated stream).
     * Records are only ever emitted whole, so nothing is lost by calling this at a record boundary.
     */
    public void finish() throws RecordIoException {
        if (failure != null || !insideRecord()) {
            return;
        }
        String where = payload == null
                ? "inside its length line after " + headerLength + " digit(s)"
                : "after " + payloadFilled + " of its " + payloadLength + " bytes";
        throw fail("Stream ended inside the record at offset " + recordStart + ", " + where, payload != null, null, 0, 0);
    }

    /** Number of bytes consumed so far: the stream offset of the next byte. */
    public long position() {
        return position;
    }

    /** Whether some bytes of an incomplete record are held. */
    public boolean insideRecord() {
        return headerLength > 0 || payload != null;
    }

    private int readHeader(byte[] bytes, int from, int end) throws RecordIoException {
        for (int i = from; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                position += i - from + 1;
                startPayload(bytes, i + 1, end);
                return i + 1;
            }
            if (headerLength == 0) {
                recordStart = position + (i - from);
            }
            if (b < '0' || b > '9') {
                throw fail(String.format("Record length at offset %d has a non-digit byte 0x%02x at offset %d",
                        recordStart, b & 0xff, position + (i - from)), false, bytes, i, end);
            }
            if (headerLength == MAX_LENGTH_DIGITS) {
                throw fail("Record length at offset " + recordStart + " overflows: more than " + MAX_LENGTH_DIGITS + " digits ("
                        + new String(header, 0, headerLength, StandardCharsets.US_ASCII) + "…)", false, bytes, i, end);
            }
            header[headerLength++] = b;
        }
        position += end - from;
        return end;
    }

    private void startPayload(byte[] bytes, int next, int end) throws RecordIoException {
        if (headerLength == 0) {
            recordStart = position - 1;
            throw fail("Empty record length line at offset " + recordStart, true, bytes, next, end);
        }
        String digits = new String(header, 0, headerLength, StandardCharsets.US_ASCII);
        long length;
        try {
            length = Long.parseLong(digits);
        } catch (NumberFormatException overflow) {
            throw fail("Record length " + digits + " at offset " + recordStart + " overflows a 64-bit integer", true, bytes, next, end);
        }
        if (length > maxRecordSize) {
            throw fail("Record of " + length + " bytes exceeds the maximum of " + maxRecordSize
                    + " (--mesos-max-record-size) at offset " + recordStart, true, bytes, next, end);
        }
        payloadLength = (int) length;
        payloadFilled = 0;
        payload = new byte[Math.min(payloadLength, INITIAL_PAYLOAD_CAPACITY)];
        if (payloadLength == 0) {
            emit();
        }
    }

    private int readPayload(byte[] bytes, int from, int end) {
        int n = Math.min(end - from, payloadLength - payloadFilled);
        if (payloadFilled + n > payload.length) {
            payload = Arrays.copyOf(payload, (int) Math.min(payloadLength, Math.max(2L * payload.length, payloadFilled + n)));
        }
        System.arraycopy(bytes, from, payload, payloadFilled, n);
        payloadFilled += n;
        position += n;
        if (payloadFilled == payloadLength) {
            emit();
        }
        return from + n;
    }

    private void emit() {
        byte[] record = payload;
        long start = recordStart;
        payload = null;
        headerLength = 0;
        consumer.record(start, record);
    }

    /**
     * Builds (and remembers) the failure: its excerpt is the failing record as far as it is held
     * here, followed by {@code bytes[from, end)}, the rest of the input that was not consumed.
     */
    private RecordIoException fail(String message, boolean lengthLineComplete, byte[] bytes, int from, int end) {
        byte[] excerpt = new byte[UNREAD_EXCERPT_BYTES];
        int n = append(excerpt, 0, header, 0, headerLength);
        if (lengthLineComplete) {
            n = append(excerpt, n, LINE_FEED, 0, 1);
        }
        if (payload != null) {
            n = append(excerpt, n, payload, 0, payloadFilled);
        }
        if (bytes != null) {
            n = append(excerpt, n, bytes, from, end - from);
        }
        failure = new RecordIoException(message, recordStart, Arrays.copyOf(excerpt, n));
        return failure;
    }

    private static int append(byte[] target, int at, byte[] source, int from, int length) {
        int n = Math.min(length, target.length - at);
        System.arraycopy(source, from, target, at, n);
        return at + n;
    }
}
