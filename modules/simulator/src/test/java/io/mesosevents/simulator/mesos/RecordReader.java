package io.mesosevents.simulator.mesos;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A minimal RecordIO reader for tests (the real decoder lives in the mesos module): a decimal
 * length, a line feed, that many bytes. Remembers how far into a record it got when the stream
 * ended, so that a cut inside a record can be told from one between records.
 */
final class RecordReader {

    private final InputStream in;
    private int bytesIntoRecord;

    RecordReader(InputStream in) {
        this.in = in;
    }

    /** The next record, or null at a clean end between records. */
    byte[] next() throws IOException {
        bytesIntoRecord = 0;
        long length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (bytesIntoRecord == 0) {
                    return null;
                }
                throw new EOFException("Stream ended inside a record header after " + bytesIntoRecord + " bytes");
            }
            bytesIntoRecord++;
            if (b == '\n') {
                break;
            }
            if (b < '0' || b > '9') {
                throw new IOException("Not a digit in a record length: '" + (char) b + "'");
            }
            length = length * 10 + (b - '0');
        }
        byte[] record = new byte[Math.toIntExact(length)];
        int read = 0;
        while (read < record.length) {
            int n = in.read(record, read, record.length - read);
            if (n < 0) {
                throw new EOFException("Stream ended " + read + " bytes into a " + length + "-byte record");
            }
            read += n;
            bytesIntoRecord += n;
        }
        return record;
    }

    /** Bytes of the record being read when the stream ended or failed. */
    int bytesIntoRecord() {
        return bytesIntoRecord;
    }
}
