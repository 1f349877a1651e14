package io.mesosevents.ingestor.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.ingestor.DeadLetters;
import io.mesosevents.ingestor.OutboundRecord;
import com.google.protobuf.InvalidProtocolBufferException;
import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.dlq.DeadLetter;
import io.mesosevents.model.dlq.SourceType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static final String SOURCE = "http://master-1.example.com:5050";

    @BeforeAll
    static void trustModelClasses() {
        AvroClassTrust.install();
    }

    @Test
    void failureFromAnExceptionKeepsTheBytesTheReasonAndThePosition() {
        byte[] payload = {0x08, (byte) 0xff, 0x12};
        DeadLetters letters = new DeadLetters("eu1", SOURCE, SourceType.MESOS);

        OutboundRecord record = letters.of("session-7", 4096L, Instant.parse("2026-03-01T12:00:00.123456789Z"),
                DeadLetters.Failure.of("protobuf-decode", new InvalidProtocolBufferException("truncated message")),
                payload, "application/x-protobuf");
        payload[0] = 0; // the caller reuses its buffer

        assertThat(record.topic()).isEqualTo(Topic.INGEST_DLQ);
        assertThat(record.key()).isEqualTo(SOURCE);
        DeadLetter letter = (DeadLetter) record.value();
        assertThat(letter.getCluster()).isEqualTo("eu1");
        assertThat(letter.getSource()).isEqualTo(SOURCE);
        assertThat(letter.getSessionId()).isEqualTo("session-7");
        assertThat(letter.getOffsetInStream()).isEqualTo(4096L);
        assertThat(letter.getIngestTimestamp()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
        assertThat(letter.getSourceType()).isEqualTo(SourceType.MESOS);
        assertThat(letter.getStage()).isEqualTo("protobuf-decode");
        assertThat(letter.getError()).isEqualTo("truncated message");
        assertThat(letter.getErrorClass()).isEqualTo(InvalidProtocolBufferException.class.getName());
        assertThat(letter.getPayload().array()).containsExactly(0x08, 0xff, 0x12);
        assertThat(letter.getContentType()).isEqualTo("application/x-protobuf");
        AvroRoundTrip.assertSurvives(List.of(record));
    }

    @Test
    void failureFoundByACheckHasNoErrorClassAndMayLackPosition() {
        OutboundRecord record = new DeadLetters("eu1", SOURCE, SourceType.MESOS).of("session-7", null, Instant.EPOCH,
                DeadLetters.Failure.of("recordio", "record length '12x' is not a decimal number"),
                "12x\n".getBytes(StandardCharsets.US_ASCII), null);

        DeadLetter letter = (DeadLetter) record.value();
        assertThat(letter.getErrorClass()).isNull();
        assertThat(letter.getOffsetInStream()).isNull();
        assertThat(letter.getContentType()).isNull();
        assertThat(letter.getError()).isEqualTo("record length '12x' is not a decimal number");
        AvroRoundTrip.assertSurvives(List.of(record));
    }

    @Test
    void exceptionWithoutMessageIsDescribedByItsClass() {
        DeadLetters.Failure failure = DeadLetters.Failure.of("avro-map", new NullPointerException());

        assertThat(failure.error()).isEqualTo("java.lang.NullPointerException");
        assertThat(failure.errorClass()).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void blankSourceIsRejectedBecauseItIsTheKey() {
        assertThatThrownBy(() -> new DeadLetters("eu1", " ", SourceType.MESOS)).isInstanceOf(IllegalArgumentException.class);
    }
}
