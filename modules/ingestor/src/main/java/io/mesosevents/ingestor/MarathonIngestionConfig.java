package io.mesosevents.ingestor;

import io.mesosevents.marathon.CallbackReceiverConfig;
import io.mesosevents.marathon.MarathonClientConfig;
import io.mesosevents.model.EntityKey;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Marathon source ingested into Kafka.
 *
 * @param cluster          the source cluster's name, carried on every record and scoping reconciliation
 * @param marathon         how to reach Marathon
 * @param callbacks        when present, events arrive through the legacy HTTP callbacks (Marathon up
 *                         to 1.4) on this receiver instead of the {@code /v2/events} stream
 * @param clientProperties Kafka client and schema registry properties, passed through
 * @param topicPrefix      prefix in front of every topic name ("" by default)
 * @param kafkaTimeout     how long loading state from Kafka may take
 */
public record MarathonIngestionConfig(
        String cluster,
        MarathonClientConfig marathon,
        Optional<CallbackReceiverConfig> callbacks,
        Map<String, Object> clientProperties,
        String topicPrefix,
        Duration kafkaTimeout) {

    public MarathonIngestionConfig {
        EntityKey.requireValidCluster(cluster);
        Objects.requireNonNull(marathon, "marathon");
        Objects.requireNonNull(callbacks, "callbacks");
        clientProperties = Map.copyOf(clientProperties);
    }

    /**
     * Shared by every replica ingesting this Marathon, so the newest active one fences the others;
     * '/' cannot occur in a cluster name or topic prefix, so it never equals a Mesos source's id.
     */
    public String transactionalId() {
        return "mesos-events-ingest-" + topicPrefix + cluster + "/marathon";
    }
}
