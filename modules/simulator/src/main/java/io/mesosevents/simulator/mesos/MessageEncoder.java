package io.mesosevents.simulator.mesos;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import io.mesosevents.mesos.MesosEncoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes master messages in either encoding as a master writes them (JSON through {@link MesosJson}).
 * Large messages are streamed: their size is computed first (for JSON by a counting pass over the
 * same deterministic output), so no byte copy of a 100,000-task snapshot is ever held.
 */
final class MessageEncoder {

    private static final int STREAM_BUFFER = 64 * 1024;

    private MessageEncoder() {
    }

    static byte[] encode(Message message, MesosEncoding encoding) {
        if (encoding == MesosEncoding.PROTOBUF) {
            return message.toByteArray();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            MesosJson.write(message, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static long size(Message message, MesosEncoding encoding) {
        if (encoding == MesosEncoding.PROTOBUF) {
            return message.getSerializedSize();
        }
        CountingStream counter = new CountingStream();
        try {
            MesosJson.write(message, counter);
        } catch (IOException e) {
            throw new UncheckedIOException("Counting JSON bytes cannot fail", e);
        }
        return counter.count;
    }

    static void write(Message message, MesosEncoding encoding, OutputStream out) throws IOException {
        if (encoding == MesosEncoding.PROTOBUF) {
            CodedOutputStream coded = CodedOutputStream.newInstance(out, STREAM_BUFFER);
            message.writeTo(coded);
            coded.flush();
        } else {
            MesosJson.write(message, out);
        }
    }

    /** Writes {@code message} as one RecordIO record without building its bytes in memory. */
    static void writeRecord(Message message, MesosEncoding encoding, OutputStream out) throws IOException {
        out.write((size(message, encoding) + "\n").getBytes(StandardCharsets.US_ASCII));
        write(message, encoding, out);
    }

    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
