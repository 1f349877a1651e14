package io.mesosevents.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every topic's value survives Avro binary encoding unchanged, logical types and unions included. */
class RoundTripTest {

    @BeforeAll
    static void trustModelClasses() {
        AvroClassTrust.install();
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void valueRoundTripsThroughAvroBinary(Topic topic) throws IOException {
        SpecificRecord value = SampleRecords.forTopic(topic);
        assertThat(value.getSchema()).isEqualTo(topic.valueSchema());

        SpecificRecord decoded = decode(topic, encode(value));

        assertThat(decoded).isEqualTo(value);
    }

    private static byte[] encode(SpecificRecord value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(value.getSchema()).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static SpecificRecord decode(Topic topic, byte[] bytes) throws IOException {
        return new SpecificDatumReader<SpecificRecord>(topic.valueSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
