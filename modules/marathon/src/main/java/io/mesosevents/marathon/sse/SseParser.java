package io.mesosevents.marathon.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Incremental parser of a {@code text/event-stream}, following the WHATWG HTML standard
 * ("Server-sent events", parsing an event stream): LF, CRLF and CR line ends, one UTF-8 byte
 * order mark at the start, comments ({@code :…}), fields with and without a colon, one space after
 * the colon stripped, {@code data} lines joined with {@code \n}, {@code id} and {@code retry}
 * ignored, a blank line dispatching, a frame without data dispatching nothing.
 *
 * <p>It works on the byte stream, not on reads: a line end, a line or a frame may span any number
 * of {@link #feed} calls, and a CR ending one call followed by an LF starting the next is one line
 * end. Every frame it completes goes to the {@link SseListener} before {@code feed} returns.
 *
 * <p>Memory stays bounded: a frame's field lines may hold at most {@code maxEventSize} bytes. A
 * larger frame is reported as {@link SseListener#broken broken} as soon as it crosses the limit and
 * skipped up to the next blank line, where parsing resumes. Comments are never held.
 *
 * <p>One tolerance goes beyond the standard: a line that starts with <code>{</code> is taken as
 * one more data line. The standard would read it as a field with an unknown name and drop it
 * silently; in a Marathon stream it can only be a JSON event written without its {@code data:}.
 *
 * <p>Not thread-safe: one parser belongs to one reader of one stream.
 */
public final class SseParser {

    /** Default maximum event size, 8 MiB: deployment events carry whole deployment plans. */
    public static final int DEFAULT_MAX_EVENT_SIZE = 8 * 1024 * 1024;

    /** How many bytes of an oversized frame a {@link SseListener#broken} report keeps. */
    public static final int EXCERPT_BYTES = 4096;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte COLON = ':';
    private static final byte SPACE = ' ';
    private static final byte OPENING_BRACE = '{';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);
    private static final int INITIAL_CAPACITY = 4096;
    // Buffers that grew for one large frame are given back after it: such frames are rare.
    private static final int RETAINED_CAPACITY = 64 * 1024;

    /** What becomes of the bytes of the current line. */
    private enum Line {
        /** No byte of the line read yet. */
        START,
        /** A field line: kept in the frame until its end. */
        FIELD,
        /** A comment: dropped. */
        COMMENT,
        /** Part of an oversized frame: dropped. */
        SKIPPED
    }

    private final int maxEventSize;
    private final SseListener listener;

    private long position;
    private Line line = Line.START;
    /** Stream offset of the current field line. */
    private long lineOffset;
    /** Where the current field line starts in {@link #frame}. */
    private int lineStart;
    /** The last byte was a CR: an LF right after it completes the same line end. */
    private boolean afterCr;
    /** ... and that CR was kept in the frame, so the LF belongs there too. */
    private boolean crKept;
    /** The frame outgrew the maximum: everything up to the next blank line is dropped. */
    private boolean skipping;

    /** The raw field lines of the frame, line ends included. */
    private byte[] frame = new byte[INITIAL_CAPACITY];
    private int frameLength;
    private long frameOffset;
    private byte[] data = new byte[INITIAL_CAPACITY];
    private int dataLength;
    private final DataOffsets.Builder offsets = new DataOffsets.Builder();
    private String type;

    public SseParser(int maxEventSize, SseListener listener) {
        if (maxEventSize < 1) {
            throw new IllegalArgumentException("maxEventSize must be positive: " + maxEventSize);
        }
        this.maxEventSize = maxEventSize;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** Parses {@code length} bytes of {@code bytes} from {@code offset}; they are not kept after the call. */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (afterCr) {
                afterCr = false;
                if (bytes[i] == LF) {
                    if (crKept) {
                        keep(bytes, i, 1);
                    }
                    position++;
                    i++;
                    continue;
                }
            }
            int lineEnd = lineEnd(bytes, i, end);
            if (lineEnd > i) {
                content(bytes, i, lineEnd);
                position += lineEnd - i;
                i = lineEnd;
            }
            if (i < end) {
                afterCr = bytes[i] == CR;
                endLine(bytes, i);
                position++;
                i++;
            }
        }
    }

    /**
     * Declares the end of the stream; the parser is done. A frame that lacks its closing blank line
     * is not dispatched, as the standard says, but reported as broken rather than lost without a trace.
     */
    public void finish() {
        if (!skipping && (dataLength > 0 || line == Line.FIELD)) {
            long offset = frameOffset;
            byte[] raw = Arrays.copyOf(frame, frameLength);
            resetFrame();
            listener.broken(offset, raw, "the stream ended inside the event at offset " + offset
                    + ", before the blank line that completes it");
        }
        resetFrame();
        line = Line.START;
        skipping = false;
        afterCr = false;
    }

    /** Number of bytes consumed so far: the stream offset of the next byte. */
    public long position() {
        return position;
    }

    private static int lineEnd(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == CR || bytes[i] == LF) {
                return i;
            }
        }
        return end;
    }

    /** Bytes of the current line up to (not including) its line end. */
    private void content(byte[] bytes, int from, int to) {
        if (line == Line.START) {
            if (skipping) {
                line = Line.SKIPPED;
            } else if (bytes[from] == COLON) {
                line = Line.COMMENT;
            } else {
                line = Line.FIELD;
                lineOffset = position;
                lineStart = frameLength;
                if (frameLength == 0) {
                    frameOffset = position;
                }
            }
        }
        if (line == Line.FIELD) {
            keep(bytes, from, to - from);
        }
    }

    /** The line end at {@code bytes[at]} completes the current line. */
    private void endLine(byte[] bytes, int at) {
        switch (line) {
            case START -> {
                if (skipping) {
                    skipping = false;
                } else {
                    dispatch();
                }
                crKept = false;
            }
            case COMMENT, SKIPPED -> crKept = false;
            case FIELD -> {
                boolean kept = field();
                if (kept) {
                    keep(bytes, at, 1);
                }
                crKept = kept && !skipping;
            }
        }
        line = Line.START;
    }

    /** Interprets the field line just completed; false when it turned out not to belong to the frame. */
    private boolean field() {
        if (lineOffset == 0 && startsWithBom()) {
            // The first line of the stream: the frame holds nothing else.
            System.arraycopy(frame, BOM.length, frame, 0, frameLength - BOM.length);
            frameLength -= BOM.length;
            lineOffset = BOM.length;
            frameOffset = BOM.length;
            if (frameLength == 0) {
                dispatch();
                return false;
            }
            if (frame[0] == COLON) {
                frameLength = 0;
                return false;
            }
        }
        int end = frameLength;
        int colon = indexOf(frame, lineStart, end, COLON);
        int nameEnd = colon < 0 ? end : colon;
        int valueStart = colon < 0 ? end : colon + 1;
        if (valueStart < end && frame[valueStart] == SPACE) {
            valueStart++;
        }
        if (Arrays.equals(frame, lineStart, nameEnd, DATA, 0, DATA.length)) {
            appendData(valueStart, end, lineOffset + (valueStart - lineStart));
        } else if (Arrays.equals(frame, lineStart, nameEnd, EVENT, 0, EVENT.length)) {
            type = new String(frame, valueStart, end - valueStart, StandardCharsets.UTF_8);
        } else if (frame[lineStart] == OPENING_BRACE) {
            appendData(lineStart, end, lineOffset);
        }
        // id and retry steer a browser's reconnection: Marathon sends no ids, and the subscriber has
        // its own backoff. Other field names are ignored, as the standard says.
        return true;
    }

    private boolean startsWithBom() {
        return frameLength >= BOM.length && Arrays.equals(frame, 0, BOM.length, BOM, 0, BOM.length);
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Appends {@code frame[from, to)} and a line feed to the data. */
    private void appendData(int from, int to, long streamOffset) {
        int n = to - from;
        if (dataLength + n + 1 > data.length) {
            data = Arrays.copyOf(data, Math.max(2 * data.length, dataLength + n + 1));
        }
        offsets.add(dataLength, streamOffset);
        System.arraycopy(frame, from, data, dataLength, n);
        dataLength += n;
        data[dataLength++] = LF;
    }

    private void dispatch() {
        if (dataLength == 0) {
            resetFrame();
            return;
        }
        // The last line feed only separates: the standard removes it.
        SseEvent event = new SseEvent(Optional.ofNullable(type).filter(t -> !t.isEmpty()),
                Arrays.copyOf(data, dataLength - 1), frameOffset, offsets.build());
        resetFrame();
        listener.event(event);
    }

    /** Adds raw bytes of a field line to the frame, or gives the frame up when they do not fit. */
    private void keep(byte[] bytes, int from, int n) {
        if ((long) frameLength + n > maxEventSize) {
            oversized(bytes, from, n);
            return;
        }
        if (frameLength + n > frame.length) {
            frame = Arrays.copyOf(frame, (int) Math.min(maxEventSize, Math.max(2L * frame.length, frameLength + n)));
        }
        System.arraycopy(bytes, from, frame, frameLength, n);
        frameLength += n;
    }

    private void oversized(byte[] bytes, int from, int n) {
        // The first bytes of the frame, as many whatever the reads were: at least maxEventSize + 1 are at hand.
        byte[] excerpt = new byte[(int) Math.min(EXCERPT_BYTES, (long) maxEventSize + 1)];
        int held = Math.min(frameLength, excerpt.length);
        System.arraycopy(frame, 0, excerpt, 0, held);
        System.arraycopy(bytes, from, excerpt, held, excerpt.length - held);
        long offset = frameOffset;
        resetFrame();
        skipping = true;
        if (line == Line.FIELD) {
            line = Line.SKIPPED;
        }
        listener.broken(offset, excerpt, "the event at offset " + offset + " is larger than the maximum event size of "
                + maxEventSize + " bytes; skipped up to the next blank line");
    }

    private void resetFrame() {
        frameLength = 0;
        dataLength = 0;
        type = null;
        offsets.clear();
        if (frame.length > RETAINED_CAPACITY) {
            frame = new byte[INITIAL_CAPACITY];
        }
        if (data.length > RETAINED_CAPACITY) {
            data = new byte[INITIAL_CAPACITY];
        }
    }
}
