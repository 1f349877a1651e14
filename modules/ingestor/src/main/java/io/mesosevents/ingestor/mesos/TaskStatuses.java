package io.mesosevents.ingestor.mesos;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.mesos.TaskStatus;
import io.mesosevents.model.mesos.TaskStatusSource;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.Protos.NetworkInfo;

/** Mesos task states and status updates as their Avro counterparts. */
final class TaskStatuses {

    private static final int UUID_BYTES = 16;

    private TaskStatuses() {
    }

    /**
     * The Avro state named like the Mesos state in enum field {@code fieldNumber} of {@code message};
     * TASK_UNKNOWN when the field is absent or holds a state this version does not know. Never the
     * proto getter's TASK_STAGING fallback.
     */
    static TaskState state(Message message, int fieldNumber) {
        return ProtoEnums.byName(ProtoEnums.name(message, fieldNumber), TaskState.TASK_UNKNOWN);
    }

    /** Like {@link #state}, but null when the field is absent altogether. */
    static TaskState optionalState(Message message, int fieldNumber) {
        Optional<String> name = ProtoEnums.name(message, fieldNumber);
        return name.isPresent() ? ProtoEnums.byName(name, TaskState.TASK_UNKNOWN) : null;
    }

    /** When the status says it was generated; null when it does not say. */
    static Instant timestamp(Protos.TaskStatus status) {
        return status.hasTimestamp() ? MesosTimes.ofSeconds(status.getTimestamp()) : null;
    }

    static TaskStatus of(Protos.TaskStatus status) {
        Optional<String> source = ProtoEnums.name(status, Protos.TaskStatus.SOURCE_FIELD_NUMBER);
        return TaskStatus.newBuilder()
                .setState(state(status, Protos.TaskStatus.STATE_FIELD_NUMBER))
                .setMessage(status.hasMessage() ? status.getMessage() : null)
                .setSource(source.isPresent() ? ProtoEnums.byName(source, TaskStatusSource.SOURCE_UNKNOWN) : null)
                // A number when the reason is newer than this version: kept, not guessed.
                .setReason(ProtoEnums.name(status, Protos.TaskStatus.REASON_FIELD_NUMBER).orElse(null))
                .setTimestamp(timestamp(status))
                .setHealthy(status.hasHealthy() ? status.getHealthy() : null)
                .setAgentId(status.hasAgentId() ? status.getAgentId().getValue() : null)
                .setExecutorId(status.hasExecutorId() ? status.getExecutorId().getValue() : null)
                .setUuid(status.hasUuid() ? uuidText(status.getUuid()) : null)
                .setIpAddresses(ipAddresses(status))
                .setUnreachableTime(status.hasUnreachableTime() ? MesosTimes.of(status.getUnreachableTime()) : null)
                .setLabels(LabelMaps.of(status.getLabels()))
                .build();
    }

    /** Mesos sends the status update UUID as its 16 raw bytes; anything else is kept as Base64. */
    private static String uuidText(ByteString uuid) {
        if (uuid.size() != UUID_BYTES) {
            return Base64.getEncoder().encodeToString(uuid.toByteArray());
        }
        ByteBuffer bytes = uuid.asReadOnlyByteBuffer();
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    private static List<String> ipAddresses(Protos.TaskStatus status) {
        List<String> addresses = new ArrayList<>();
        for (NetworkInfo network : status.getContainerStatus().getNetworkInfosList()) {
            for (NetworkInfo.IPAddress address : network.getIpAddressesList()) {
                if (address.hasIpAddress()) {
                    addresses.add(address.getIpAddress());
                }
            }
        }
        return addresses;
    }
}
