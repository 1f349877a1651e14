package io.mesosevents.ingestor;

import io.mesosevents.model.Topic;
import io.mesosevents.model.dlq.DeadLetter;
import io.mesosevents.registry.serde.AvroSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every committed record of {@code ingest.dlq}, as a read_committed consumer gets them. */
final class DeadLetterTopic {

    private DeadLetterTopic() {
    }

    static List<DeadLetter> read(Map<String, Object> kafka, String prefix) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerdes.specific(DeadLetter.class, kafka, false).deserializer())) {
            String topic = Topic.INGEST_DLQ.name(prefix);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> letters.add(record.value()));
            }
        }
        return letters;
    }
}
