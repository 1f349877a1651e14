package io.mesosevents.replay.export;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.common.EventKind;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.marathon.IpAddress;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.model.marathon.SchedulerDisconnectedEvent;
import io.mesosevents.model.marathon.StatusUpdateEvent;
import io.mesosevents.model.mesos.TaskState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Real Marathon events of the project's schema, as the exporter sees them: generic records in the writer's schema. */
final class ExportFixtures {

    static final Instant T0 = Instant.parse("2026-03-01T03:59:58Z");

    static {
        // Avro refuses to load generated classes it has not been told to trust; the executable does this in main.
        AvroClassTrust.install();
    }

    private ExportFixtures() {
    }

    static EventMeta meta(long sequence) {
        return EventMeta.newBuilder().setCluster("demo").setSource("http://marathon:8080").setSessionId("s-1")
                .setSequence(sequence).setSourceTimestamp(sequence % 2 == 0 ? T0.plusMillis(sequence) : null)
                .setIngestTimestamp(T0.plusMillis(sequence + 5)).setKind(EventKind.DELTA).build();
    }

    /** A status update whose message needs CSV quoting (a comma, a quote, a line break) on odd sequences. */
    static MarathonEvent statusUpdate(long sequence) {
        StatusUpdateEvent update = StatusUpdateEvent.newBuilder().setTaskId("prod_web.instance-" + sequence)
                .setAppId("/prod/web").setTaskStatus(TaskState.TASK_RUNNING).setHost("agent-1")
                .setMessage(sequence % 2 == 1 ? "health \"check\", failed\nHTTP 503" : null)
                .setPorts(List.of(31000 + (int) sequence, 31001)).setIpAddresses(List.of(
                        IpAddress.newBuilder().setIpAddress("10.0.1." + sequence).setProtocol("IPv4").build()))
                .build();
        return MarathonEvent.newBuilder().setMeta(meta(sequence)).setEventType("status_update_event")
                .setTimestamp(T0.plusMillis(sequence)).setPayload(update).build();
    }

    static MarathonEvent disconnected(long sequence) {
        return MarathonEvent.newBuilder().setMeta(meta(sequence)).setEventType("scheduler_disconnected_event")
                .setTimestamp(null).setPayload(new SchedulerDisconnectedEvent()).build();
    }

    /** {@code record} as the exporter's deserializer returns it: a generic record decoded from Avro binary. */
    static GenericRecord generic(SpecificRecord record) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(record.getSchema())
                    .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExportedRecord exported(SpecificRecord value, long offset, long timestamp) {
        return new ExportedRecord("marathon.events", 2, offset, timestamp, "demo//prod/web", generic(value));
    }
}
