package io.mesosevents.examples;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.model.state.AppView;
import io.mesosevents.registry.client.SchemaRegistryClient;
import io.mesosevents.registry.serde.AvroDeserializer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code state.apps} from the beginning with plain kafka-clients and prints every app's status
 * and task counts as its row changes, and a summary of the whole table once it has caught up.
 *
 * <pre>
 * AppStateConsumer BOOTSTRAP_SERVERS SCHEMA_REGISTRY_URL [TOPIC [CLIENT_PROPERTIES_FILE]]
 * </pre>
 *
 * TOPIC defaults to {@code state.apps} (give the prefixed name if the platform runs with
 * {@code --topic-prefix}); CLIENT_PROPERTIES_FILE adds Kafka client and registry settings such as
 * {@code security.protocol}, {@code sasl.jaas.config} or {@code basic.auth.user.info}.
 */
public final class AppStateConsumer implements AutoCloseable {

    private final Consumer<String, AppView> consumer;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> startEnds;
    private final AppTable table = new AppTable();
    private final PrintStream out;
    private boolean caughtUp;
    private int skipped;

    private AppStateConsumer(Consumer<String, AppView> consumer, List<TopicPartition> partitions, PrintStream out) {
        this.consumer = consumer;
        this.partitions = partitions;
        this.out = out;
        // A compacted state topic is a table: read it whole on every start, so assign every partition from
        // the beginning instead of joining a group, which would resume from committed offsets.
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.startEnds = consumer.endOffsets(partitions);
    }

    /**
     * Opens a consumer of {@code topic}. {@code settings} holds {@code bootstrap.servers},
     * {@code schema.registry.url} and any further client settings.
     */
    public static AppStateConsumer open(Map<String, Object> settings, String topic, PrintStream out) {
        // Avro loads nested generated classes (TaskFailure, the enums) by name and trusts only what it is told to.
        AvroClassTrust.install();
        Map<String, Object> config = new HashMap<>(settings);
        // The views write under exactly-once: read committed rows only, never those of an aborted transaction.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "mesos-events-example-app-state");
        // Asking for a topic that does not exist yet must not create it: the broker would make it with
        // cleanup.policy=delete, and the views need state.apps compacted.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // The specific reader decodes with AppView's own schema as the reader schema, so rows written with a
        // later, compatible schema (new fields with defaults) still read: Avro's schema resolution skips them.
        AvroDeserializer<AppView> values = AvroDeserializer.specific(SchemaRegistryClient.fromConfig(config), AppView.class);
        KafkaConsumer<String, AppView> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist");
            }
            return new AppStateConsumer(consumer, partitions, out);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Polls once, applies and prints what arrived, and prints the summary when the table is first complete. */
    public void pollOnce(Duration timeout) {
        try {
            for (ConsumerRecord<String, AppView> record : consumer.poll(timeout)) {
                table.apply(record.key(), record.value());
                out.println(AppLines.of(record.key(), record.value()));
            }
        } catch (RecordDeserializationException e) {
            // One record this reader cannot decode (an unknown schema id, a broken payload) must not stop the
            // table: report it and go on after it. Records before it in the same fetch were returned already.
            skipped++;
            Throwable reason = e.getCause() != null ? e.getCause() : e; // Kafka's own message says only "Error deserializing"
            out.println("skipped undecodable record " + e.topicPartition() + "@" + e.offset() + ": " + reason.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        if (!caughtUp && partitions.stream().allMatch(p -> consumer.position(p) >= startEnds.get(p))) {
            caughtUp = true;
            out.println("caught up: " + table.summary());
        }
    }

    /** Whether everything that was in the topic when the consumer opened has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public AppTable table() {
        return table;
    }

    /** Records that could not be decoded and were passed over. */
    public int skipped() {
        return skipped;
    }

    /** Ends a {@link #pollOnce} in progress from another thread (a shutdown hook). */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: AppStateConsumer BOOTSTRAP_SERVERS SCHEMA_REGISTRY_URL [TOPIC [CLIENT_PROPERTIES_FILE]]");
            System.exit(2);
        }
        Map<String, Object> settings = new HashMap<>();
        if (args.length == 4) {
            settings.putAll(readProperties(Path.of(args[3])));
        }
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        settings.put("schema.registry.url", args[1]);
        String topic = args.length >= 3 ? args[2] : Topic.STATE_APPS.defaultName();

        AppStateConsumer reader = open(settings, topic, System.out);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reader.wakeup();
            try {
                main.join(10_000); // let the loop below close the consumer before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try (reader) {
            while (true) {
                reader.pollOnce(Duration.ofSeconds(1));
            }
        } catch (WakeupException e) {
            // Ctrl-C: the consumer is closed by try-with-resources.
        }
    }

    private static Map<String, Object> readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, Object> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
