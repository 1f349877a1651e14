package io.mesosevents.ingestor;

import io.mesosevents.model.EntityKey;
import io.mesosevents.model.Topic;
import io.mesosevents.model.dlq.DeadLetter;
import io.mesosevents.model.dlq.SourceType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Builds the {@code ingest.dlq} records of one source (a Mesos master or a Marathon): input that
 * could not be decoded or mapped, kept byte for byte with the reason, keyed by the source URL.
 */
public record DeadLetters(String cluster, String source, SourceType sourceType) {

    public DeadLetters {
        EntityKey.requireValidCluster(cluster);
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank: it is the dead letters' key");
        }
    }

    /**
     * @param sessionId       the ingestor session that read the input
     * @param offsetInStream  byte offset of the input since the session started; null when unknown
     * @param ingestTimestamp when the input was received
     * @param failure         what went wrong, and where
     * @param payload         the input, byte for byte
     * @param contentType     the stream's media type; null when unknown
     */
    public OutboundRecord of(String sessionId, Long offsetInStream, Instant ingestTimestamp, Failure failure,
                             byte[] payload, String contentType) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setCluster(cluster)
                .setSource(source)
                .setSessionId(sessionId)
                .setOffsetInStream(offsetInStream)
                // timestamp_ms keeps milliseconds; truncating here makes the record equal its decoded form.
                .setIngestTimestamp(ingestTimestamp.truncatedTo(ChronoUnit.MILLIS))
                .setSourceType(sourceType)
                .setStage(failure.stage())
                .setError(failure.error())
                .setErrorClass(failure.errorClass())
                // Copied: the caller's buffer may be reused for the next record of the stream.
                .setPayload(ByteBuffer.wrap(payload.clone()))
                .setContentType(contentType)
                .build();
        return new OutboundRecord(Topic.INGEST_DLQ, source, letter);
    }

    /**
     * Why input was rejected.
     *
     * @param stage      the step that failed, e.g. "recordio", "protobuf-decode", "json-parse", "avro-map"
     * @param error      the message a reader of the topic sees
     * @param errorClass the exception's class, when an exception said it
     */
    public record Failure(String stage, String error, String errorClass) {

        public Failure {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(error, "error");
        }

        /** A failure an exception reports; its class name stands in for a missing message. */
        public static Failure of(String stage, Throwable exception) {
            String message = exception.getMessage();
            return new Failure(stage, message == null ? exception.getClass().getName() : message,
                    exception.getClass().getName());
        }

        /** A failure found by a check rather than thrown. */
        public static Failure of(String stage, String error) {
            return new Failure(stage, error, null);
        }
    }
}
