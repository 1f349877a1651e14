package io.mesosevents.streams.rest;

import io.mesosevents.streams.ViewStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instance holds which store partition, from the metadata Kafka Streams keeps of the group's
 * assignment.
 *
 * <p>For a whole store the same lookup as for a key is used, with a partitioner that names the
 * partition: Kafka Streams then does the mapping from the store's source topics to partitions and
 * hosts itself, and the partition count comes from the same place.
 */
final class PartitionOwners {

    private static final Serializer<String> KEYS = Serdes.String().serializer();

    private final KafkaStreams streams;
    private final Duration retryAfter;

    PartitionOwners(KafkaStreams streams, Duration retryAfter) {
        this.streams = streams;
        this.retryAfter = retryAfter;
    }

    /** The owners of the partition that holds {@code key}. */
    PartitionOwner ofKey(ViewStores store, String key) {
        return owner(metadata(store, () -> streams.queryMetadataForKey(store.storeName(), key, KEYS)));
    }

    /** The owners of every partition of {@code store}, by partition. */
    List<PartitionOwner> ofStore(ViewStores store) {
        AtomicInteger count = new AtomicInteger();
        metadata(store, () -> streams.queryMetadataForKey(store.storeName(), "", partitioner(0, count)));
        if (count.get() == 0) {
            throw ApiError.unavailable("the partitions of store " + store.storeName() + " are not known yet", retryAfter);
        }
        List<PartitionOwner> owners = new ArrayList<>();
        for (int partition = 0; partition < count.get(); partition++) {
            int fixed = partition;
            owners.add(owner(metadata(store,
                    () -> streams.queryMetadataForKey(store.storeName(), "", partitioner(fixed, count)))));
        }
        owners.sort(Comparator.comparingInt(PartitionOwner::partition));
        return owners;
    }

    /** Every instance of the application, as Kafka Streams knows them. */
    List<HostInfo> instances() {
        try {
            return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                    .filter(PartitionOwners::isReal).distinct()
                    .sorted(Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port)).toList();
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw notRunning();
        }
    }

    private static StreamPartitioner<String, Object> partitioner(int partition, AtomicInteger count) {
        return (topic, key, value, numPartitions) -> {
            count.set(numPartitions);
            return Optional.of(Set.of(partition));
        };
    }

    private KeyQueryMetadata metadata(ViewStores store, Supplier<KeyQueryMetadata> lookup) {
        KeyQueryMetadata metadata;
        try {
            metadata = lookup.get();
        } catch (IllegalStateException | InvalidStateStoreException e) {
            // Thrown while Kafka Streams is not RUNNING or REBALANCING (starting, stopping, failed).
            throw notRunning();
        }
        if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE) {
            throw ApiError.unavailable("the owners of store " + store.storeName() + " are not known yet (the group is forming)",
                    retryAfter);
        }
        return metadata;
    }

    private ApiError notRunning() {
        return ApiError.unavailable("this instance's Kafka Streams is " + streams.state() + "; it cannot locate the stores",
                retryAfter, Map.of("state", streams.state().name()));
    }

    private static PartitionOwner owner(KeyQueryMetadata metadata) {
        Optional<HostInfo> active = Optional.of(metadata.activeHost()).filter(PartitionOwners::isReal);
        List<HostInfo> standbys = metadata.standbyHosts().stream().filter(PartitionOwners::isReal)
                .sorted(Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port)).toList();
        return new PartitionOwner(metadata.partition(), active, standbys);
    }

    /** Kafka Streams names "no host" with a placeholder of port -1. */
    private static boolean isReal(HostInfo host) {
        return host != null && host.port() > 0;
    }
}
