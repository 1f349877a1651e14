package io.mesosevents.ingestor;

import io.mesosevents.mesos.MesosClientConfig;
import io.mesosevents.model.EntityKey;

import java.time.Duration;
import java.util.Map;

/**
 * One Mesos source ingested into Kafka.
 *
 * @param cluster          the source cluster's name, carried on every record and scoping reconciliation
 * @param mesos            how to reach the master
 * @param clientProperties Kafka client and schema registry properties, passed through
 * @param topicPrefix      prefix in front of every topic name ("" by default)
 * @param kafkaTimeout     how long loading state from Kafka may take; 60 s by default
 */
public record MesosIngestionConfig(
        String cluster,
        MesosClientConfig mesos,
        Map<String, Object> clientProperties,
        String topicPrefix,
        Duration kafkaTimeout) {

    public static final Duration DEFAULT_KAFKA_TIMEOUT = Duration.ofSeconds(60);

    public MesosIngestionConfig {
        EntityKey.requireValidCluster(cluster);
        clientProperties = Map.copyOf(clientProperties);
    }

    /**
     * Every replica ingesting this source shares it, so the newest active one fences the others'
     * writes; the prefix keeps separate deployments on one Kafka cluster apart.
     */
    public String transactionalId() {
        return "mesos-events-ingest-" + topicPrefix + cluster;
    }
}
