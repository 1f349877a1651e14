package io.mesosevents.registry.server;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema log on a compacted, single-partition Kafka topic ({@code _schemas} by default) in the
 * layout of Confluent's registry (see {@link SchemaLogCodec}).
 *
 * <p>The topic is created when missing ({@code cleanup.policy=compact}, one partition so that
 * records keep their order). Appends are synchronous, idempotent and {@code acks=all}, so a record
 * is replicated before the registry answers. Replay writes a barrier record (see {@link #replay})
 * and then reads from the beginning up to the end offset seen when it starts. One registry writes
 * to a topic at a time: this class does not fence concurrent writers.
 */
public final class KafkaSchemaLog implements SchemaLog {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final KafkaSchemaLogConfig config;
    private final SchemaLogCodec codec = new SchemaLogCodec();
    private final byte[] noopKey = codec.noopKey();
    private final TopicPartition partition;
    private final KafkaProducer<byte[], byte[]> producer;

    /** Connects, creates the topic if missing and opens the producer. */
    public KafkaSchemaLog(KafkaSchemaLogConfig config) {
        this.config = config;
        this.partition = new TopicPartition(config.topic(), 0);
        ensureTopic();
        this.producer = new KafkaProducer<>(producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void append(SchemaLogRecord record) {
        send(codec.key(record), codec.value(record));
    }

    /**
     * Reads the topic up to its end, after first appending Confluent's NOOP record (a tombstone, so
     * compaction drops it) through this log's producer. The producer is idempotent: it keeps its
     * records in order and, when it gave up on one whose fate is unknown, sends nothing more to the
     * partition until that is settled, fencing the old record with a new epoch if need be. So once
     * the NOOP is acknowledged, every record this log tried to append, even one whose append threw,
     * is before the end offset or will never be written, as {@link SchemaLog#replay} promises.
     */
    @Override
    public void replay(Consumer<SchemaLogRecord> sink) {
        send(noopKey, null);
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), config.timeout()).get(partition);
            long deadline = System.nanoTime() + config.timeout().toNanos();
            int skipped = 0;
            while (consumer.position(partition, config.timeout()) < end) {
                if (System.nanoTime() > deadline) {
                    throw new SchemaLogException("Replaying schema log topic " + config.topic() + " did not reach offset "
                            + end + " within " + config.timeout().toMillis() + " ms");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_INTERVAL)) {
                    if (Arrays.equals(record.key(), noopKey)) {
                        continue;
                    }
                    if (record.key() == null) {
                        skipped++;
                        continue;
                    }
                    Optional<SchemaLogRecord> decoded = codec.decode(record.key(), record.value());
                    if (decoded.isPresent()) {
                        sink.accept(decoded.get());
                    } else {
                        skipped++;
                    }
                }
            }
            if (skipped > 0) {
                LOG.warn("Skipped {} record(s) of schema log topic {} that this registry does not model", skipped,
                        config.topic());
            }
        }
    }

    private void send(byte[] key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(config.topic(), 0, key, value)).get(timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SchemaLogException("Cannot append to schema log topic " + config.topic() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SchemaLogException("Appending to schema log topic " + config.topic() + " timed out after "
                    + timeoutMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaLogException("Interrupted while appending to schema log topic " + config.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close(config.timeout());
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(commonProperties())) {
            Optional<TopicDescription> existing = describe(admin);
            if (existing.isEmpty()) {
                create(admin);
            } else if (existing.get().partitions().size() != 1) {
                throw new SchemaLogException("Schema log topic " + config.topic() + " has "
                        + existing.get().partitions().size() + " partitions; it needs exactly 1 to keep records in order");
            }
        } catch (ExecutionException e) {
            throw new SchemaLogException("Cannot prepare schema log topic " + config.topic() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SchemaLogException("Kafka at " + config.bootstrapServers() + " did not answer within "
                    + config.timeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaLogException("Interrupted while preparing schema log topic " + config.topic(), e);
        }
    }

    private Optional<TopicDescription> describe(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        boolean exists = admin.listTopics().names().get(timeoutMillis(), TimeUnit.MILLISECONDS)
                .contains(config.topic());
        if (!exists) {
            return Optional.empty();
        }
        return Optional.of(admin.describeTopics(List.of(config.topic())).allTopicNames()
                .get(timeoutMillis(), TimeUnit.MILLISECONDS).get(config.topic()));
    }

    private void create(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        short replication = config.replicationFactor().isPresent()
                ? config.replicationFactor().get()
                : (short) Math.min(3, admin.describeCluster().nodes().get(timeoutMillis(), TimeUnit.MILLISECONDS).size());
        NewTopic topic = new NewTopic(config.topic(), 1, replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get(timeoutMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created schema log topic {} (compacted, 1 partition, replication factor {})", config.topic(), replication);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            // Created concurrently by someone else: fine, it is there now.
        }
    }

    private long timeoutMillis() {
        return config.timeout().toMillis();
    }

    private Map<String, Object> commonProperties() {
        Map<String, Object> properties = new HashMap<>(config.clientProperties());
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return properties;
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> properties = commonProperties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Stop retrying about when append() stops waiting. A record reported as failed may still be written (the
        // broker may have taken it before the client gave up): replay() is what tells, see there and Registry.
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMillis(), 30_000));
        // A schema record must reach the log alone and at once: no batching delay.
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return properties;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = commonProperties();
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }
}
