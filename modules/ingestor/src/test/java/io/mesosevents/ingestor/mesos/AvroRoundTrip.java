package io.mesosevents.ingestor.mesos;

import io.mesosevents.ingestor.OutboundRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Writes records as Avro binary with their topic's schema and reads them back, as a producer and consumer would. */
final class AvroRoundTrip {

    private AvroRoundTrip() {
    }

    static void assertSurvives(List<OutboundRecord> records) {
        for (OutboundRecord record : records) {
            assertThat(decode(record, encode(record.value()))).as("%s on %s", record.key(), record.topic())
                    .isEqualTo(record.value());
        }
    }

    private static byte[] encode(SpecificRecord value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(value.getSchema()).write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SpecificRecord decode(OutboundRecord record, byte[] bytes) {
        try {
            return new SpecificDatumReader<SpecificRecord>(record.topic().valueSchema())
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
