package io.mesosevents.ingestor;

import io.mesosevents.model.Topic;
import io.mesosevents.model.marathon.MarathonEvent;
import io.mesosevents.registry.serde.AvroSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every committed {@code marathon.events} record of one cluster, in partition order, as a read_committed consumer gets them. */
final class MarathonTopic {

    record Entry(String key, MarathonEvent event) {
    }

    private MarathonTopic() {
    }

    static List<Entry> read(Map<String, Object> kafka, String prefix, String cluster) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, MarathonEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerdes.specific(MarathonEvent.class, kafka, false).deserializer())) {
            String topic = Topic.MARATHON_EVENTS.name(prefix);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, MarathonEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (cluster.equals(record.value().getMeta().getCluster())) {
                        entries.add(new Entry(record.key(), record.value()));
                    }
                }
            }
        }
        return entries;
    }
}
