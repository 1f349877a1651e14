package io.mesosevents.mesos.recordio;

import java.io.IOException;

/**
 * A RecordIO stream that cannot be framed any further. Nothing after the failing record can be
 * trusted, so the stream has to be abandoned; {@link #unread()} keeps the bytes from the failing
 * record's start on (bounded) so that they can be kept as a dead letter.
 */
public final class RecordIoException extends IOException {

    private final long offset;
    private final byte[] unread;

    RecordIoException(String message, long offset, byte[] unread) {
        super(message);
        this.offset = offset;
        this.unread = unread.clone();
    }

    /** Stream offset of the first byte of the record that failed. */
    public long offset() {
        return offset;
    }

    /** Up to {@link RecordIoDecoder#UNREAD_EXCERPT_BYTES} bytes of the stream from {@link #offset()} on. */
    public byte[] unread() {
        return unread.clone();
    }
}
