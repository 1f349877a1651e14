package io.mesosevents.ingestor.mesos;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.mesosevents.mesos.MesosEncoding;
import io.mesosevents.model.common.EventMeta;
import io.mesosevents.model.mesos.MesosOtherEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.mesos.v1.master.Protos.Event;

/**
 * Events this version does not model, as {@link MesosOtherEvent}s that keep the bytes exactly as
 * received, so that nothing is lost and a later version can replay them.
 */
final class OtherEvents {

    private static final String UNKNOWN_TYPE = "UNKNOWN";
    private static final String TYPE_FIELD = "type";

    private OtherEvents() {
    }

    static MesosOtherEvent of(EventMeta meta, Event event, byte[] raw, MesosEncoding encoding) {
        return MesosOtherEvent.newBuilder()
                .setMeta(meta)
                .setEventType(typeName(event, raw, encoding))
                .setContentType(encoding.mediaType())
                .setPayload(ByteBuffer.wrap(raw.clone()))
                .setPayloadJson(json(event, raw, encoding))
                .build();
    }

    /**
     * The event type as the master sent it. A type this version does not know survives decoding
     * differently per encoding: protobuf keeps its number in the unknown field set, while the JSON
     * parser (told to ignore unknown values) drops it, so it is read from the raw JSON instead.
     */
    private static String typeName(Event event, byte[] raw, MesosEncoding encoding) {
        Optional<String> decoded = ProtoEnums.name(event, Event.TYPE_FIELD_NUMBER);
        if (decoded.isPresent() || encoding != MesosEncoding.JSON) {
            return decoded.orElse(UNKNOWN_TYPE);
        }
        return rawJsonType(raw).orElse(UNKNOWN_TYPE);
    }

    private static Optional<String> rawJsonType(byte[] raw) {
        Struct.Builder json = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(new String(raw, StandardCharsets.UTF_8), json);
        } catch (InvalidProtocolBufferException e) {
            // It decoded as an Event a moment ago, so this cannot happen for the bytes we are given;
            // if it does, the type is simply unknown, the payload is still kept.
            return Optional.empty();
        }
        Value type = json.getFieldsOrDefault(TYPE_FIELD, Value.getDefaultInstance());
        return switch (type.getKindCase()) {
            case STRING_VALUE -> Optional.of(type.getStringValue());
            // JSON may carry an enum by number; ours are int32, so the number is integral.
            case NUMBER_VALUE -> Optional.of(String.valueOf((long) type.getNumberValue()));
            default -> Optional.empty();
        };
    }

    /**
     * The payload as JSON for humans: JSON input as received, protobuf input printed from the
     * decoded message (fields this version does not know are not printed; the payload has them).
     */
    private static String json(Event event, byte[] raw, MesosEncoding encoding) {
        if (encoding == MesosEncoding.JSON) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        try {
            return new String(MesosEncoding.JSON.encode(event), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
