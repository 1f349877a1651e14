package io.mesosevents.mesos.recordio;

import java.nio.charset.StandardCharsets;

/**
 * Mesos RecordIO framing: every record is its length in bytes as ASCII decimal, a line feed, then
 * the bytes ({@code 5\nhello}).
 */
public final class RecordIo {

    private RecordIo() {
    }

    /** {@code payload} framed as one record. */
    public static byte[] frame(byte[] payload) {
        byte[] header = (payload.length + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[header.length + payload.length];
        System.arraycopy(header, 0, framed, 0, header.length);
        System.arraycopy(payload, 0, framed, header.length, payload.length);
        return framed;
    }
}
