package io.mesosevents.ingestor.mesos;

import io.mesosevents.ingestor.OutboundRecord;
import com.google.protobuf.InvalidProtocolBufferException;
import io.mesosevents.mesos.MesosEncoding;
import java.util.List;
import org.apache.mesos.v1.master.Protos.Event;

/**
 * Runs events the way the ingestor sees them: encoded by the master, decoded with
 * {@code buildPartial()}, mapped, and every record written and read back as Avro.
 */
final class Harness {

    final MesosEventMapper mapper;
    final RecordingMeta meta;

    Harness(String cluster) {
        this.mapper = new MesosEventMapper(cluster);
        this.meta = new RecordingMeta(cluster);
    }

    List<OutboundRecord> delta(Event event, MesosEncoding encoding) {
        return deltaOf(encoding.encode(event), encoding);
    }

    List<OutboundRecord> deltaOf(byte[] raw, MesosEncoding encoding) {
        List<OutboundRecord> records = mapper.delta(decode(raw, encoding), raw, encoding, meta);
        AvroRoundTrip.assertSurvives(records);
        return records;
    }

    List<OutboundRecord> snapshot(Event subscribed, MesosEncoding encoding) {
        List<OutboundRecord> records = mapper.snapshot(decode(encoding.encode(subscribed), encoding).getSubscribed(), meta);
        AvroRoundTrip.assertSurvives(records);
        return records;
    }

    static Event decode(byte[] raw, MesosEncoding encoding) {
        try {
            return encoding.decode(raw, Event.newBuilder()).buildPartial();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("test input does not decode as " + encoding, e);
        }
    }
}
