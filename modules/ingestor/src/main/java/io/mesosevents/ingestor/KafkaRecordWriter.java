package io.mesosevents.ingestor;

import io.mesosevents.ingestor.topics.TopicProvisioner;
import io.mesosevents.registry.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes the ingestor's records with an idempotent, transactional producer ({@code acks=all}) on a
 * thread of its own. A snapshot is one transaction, so read_committed consumers see a resync whole
 * or not at all; live changes share transactions committed every {@code commitInterval}.
 *
 * <p>When a write fails, the open transaction is aborted, queued batches are dropped and
 * {@code onFailure} is told: the ingestor then resubscribes, and the fresh snapshot rewrites what
 * the aborted transaction held. A fenced producer (another replica took over) stops for good.
 */
public final class KafkaRecordWriter implements RecordWriter {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRecordWriter.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);

    /** Records to write; {@code committed}, when set, completes with whether they were committed. */
    private record Batch(List<Send> sends, boolean atomically, CompletableFuture<Boolean> committed) {
    }

    private final KafkaWriterConfig config;
    private final Consumer<WriteFailure> onFailure;
    private final BlockingQueue<Batch> queue;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final Map<String, List<PartitionInfo>> partitions = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean stopped;
    // Set by a recoverable failure, cleared by the next flush: the session that was writing ends,
    // and what it still submits must not land after the aborted records and leave a gap in its sequence.
    private boolean discarding;

    /** Opens the producer and claims the transactional id, fencing any older writer that holds it. */
    public KafkaRecordWriter(KafkaWriterConfig config, Consumer<WriteFailure> onFailure) {
        this.config = config;
        this.onFailure = onFailure;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        AvroSerializer<SpecificRecord> values = new AvroSerializer<>();
        values.configure(config.clientProperties(), false);
        this.producer = new KafkaProducer<>(producerProperties(config), new StringSerializer(), values);
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        this.thread = new Thread(this::run, "kafka-record-writer");
        thread.start();
    }

    @Override
    public void submit(List<Send> sends, boolean atomically) throws InterruptedException {
        enqueue(new Batch(List.copyOf(sends), atomically, null));
    }

    @Override
    public boolean flush() throws InterruptedException {
        CompletableFuture<Boolean> committed = new CompletableFuture<>();
        try {
            enqueue(new Batch(List.of(), true, committed));
        } catch (IllegalStateException stoppedWriter) {
            return false;
        }
        while (true) {
            try {
                return committed.get(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // A writer that stopped meanwhile will never reach the batch.
                if (!thread.isAlive()) {
                    return false;
                }
            } catch (ExecutionException e) {
                return false;
            }
        }
    }

    /** Waits for room in the queue, but fails rather than hand records to a writer that stopped. */
    private void enqueue(Batch batch) throws InterruptedException {
        while (!queue.offer(batch, IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS)) {
            requireRunning();
        }
        requireRunning();
    }

    private void requireRunning() {
        if (stopped || !thread.isAlive()) {
            throw new IllegalStateException("The Kafka writer has stopped and writes no more");
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            // The writer thread closes the producer as it ends: no call on the producer may overlap close.
            thread.join(config.commitInterval().toMillis() * 10 + 70_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Transaction transaction = new Transaction();
        try {
            while (running || !queue.isEmpty()) {
                Batch batch = null;
                try {
                    batch = queue.poll(transaction.remaining(config.commitInterval(), IDLE_POLL), TimeUnit.MILLISECONDS);
                    if (batch != null && discarding) {
                        // A flush is the next session's first call: from there on, records count again.
                        if (batch.sends().isEmpty() && batch.committed() != null) {
                            discarding = false;
                        }
                        complete(batch, false);
                    } else if (batch != null) {
                        write(batch, transaction);
                        complete(batch, true);
                    }
                    if (transaction.open() && transaction.age() >= config.commitInterval().toMillis()) {
                        transaction.commit();
                    }
                } catch (KafkaException e) {
                    complete(batch, false);
                    if (isFencing(e)) {
                        stop("Another ingestor took over this source (producer fenced); this one stops writing", e);
                        return;
                    }
                    int dropped = dropQueued();
                    if (!transaction.abort()) {
                        stop("Writing to Kafka failed (" + e.getMessage() + ") and the transaction cannot be aborted; this writer stops", e);
                        return;
                    }
                    discarding = true;
                    LOG.warn("Writing to Kafka failed ({}); aborted the open transaction and dropped {} queued batch(es); "
                            + "records are dropped until the source is resynchronised", e.getMessage(), dropped);
                    onFailure.accept(new WriteFailure(false, e.getMessage()));
                } catch (InterruptedException e) {
                    complete(batch, false);
                    Thread.currentThread().interrupt();
                    running = false;
                } catch (RuntimeException e) {
                    // E.g. IllegalStateException from a producer left unusable by a timed-out commit.
                    complete(batch, false);
                    stop("The Kafka producer failed beyond repair (" + e + "); this writer stops", e);
                    return;
                }
            }
            if (transaction.open()) {
                try {
                    transaction.commit();
                } catch (RuntimeException e) {
                    LOG.warn("The last transaction could not be committed on shutdown: {}", e.getMessage());
                }
            }
        } finally {
            dropQueued();
            producer.close(Duration.ofSeconds(10));
        }
    }

    private void stop(String message, RuntimeException cause) {
        stopped = true;
        running = false;
        dropQueued();
        LOG.warn(message);
        onFailure.accept(new WriteFailure(true, cause.getMessage()));
    }

    private static void complete(Batch batch, boolean committed) {
        if (batch != null && batch.committed() != null) {
            batch.committed().complete(committed);
        }
    }

    /** Empties the queue, telling anyone waiting in {@link #flush()}; returns how many batches were dropped. */
    private int dropQueued() {
        List<Batch> dropped = new ArrayList<>();
        queue.drainTo(dropped);
        dropped.forEach(batch -> complete(batch, false));
        return dropped.size();
    }

    // The producer reports fencing directly from some calls and wrapped from others. An
    // InvalidProducerEpochException is not fencing: it is abortable (e.g. a transaction the coordinator timed out).
    private static boolean isFencing(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException) {
                return true;
            }
        }
        return false;
    }

    private void write(Batch batch, Transaction transaction) {
        if (batch.atomically() && transaction.open()) {
            transaction.commit();
        }
        if (batch.sends().isEmpty()) {
            return;
        }
        transaction.beginIfClosed();
        for (Send send : batch.sends()) {
            OutboundRecord record = send.record();
            String topic = record.topic().name(config.topicPrefix());
            if (send.everyPartition()) {
                for (PartitionInfo partition : partitions.computeIfAbsent(topic, producer::partitionsFor)) {
                    producer.send(new ProducerRecord<>(topic, partition.partition(), record.key(), record.value()));
                }
            } else {
                producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
            }
        }
        if (batch.atomically()) {
            transaction.commit();
        }
    }

    /** The producer's current transaction, if one is open. */
    private final class Transaction {
        private long openedAt = -1;

        boolean open() {
            return openedAt >= 0;
        }

        long age() {
            return System.currentTimeMillis() - openedAt;
        }

        long remaining(Duration interval, Duration idle) {
            return open() ? Math.max(0, interval.toMillis() - age()) : idle.toMillis();
        }

        void beginIfClosed() {
            if (!open()) {
                producer.beginTransaction();
                openedAt = System.currentTimeMillis();
            }
        }

        void commit() {
            producer.commitTransaction();
            // Only now: a failed commit leaves the transaction open for abort().
            openedAt = -1;
        }

        /** Aborts the open transaction, if any; false if the producer cannot abort (it is then unusable). */
        boolean abort() {
            if (!open()) {
                return true;
            }
            openedAt = -1;
            try {
                producer.abortTransaction();
                return true;
            } catch (RuntimeException e) {
                LOG.warn("Aborting the transaction failed too: {}", e.getMessage());
                return false;
            }
        }
    }

    private static Map<String, Object> producerProperties(KafkaWriterConfig config) {
        Map<String, Object> properties = new HashMap<>(config.clientProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A transaction's first batch to a partition may be refused with CONCURRENT_TRANSACTIONS
        // while the previous commit's markers are written; with more batches in flight behind it,
        // the broker (transactions v2) then refuses those as out of sequence, which is fatal for
        // the producer. One request in flight per connection keeps batches in order through retries.
        properties.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        // As large as the topics take (see TopicProvisioner): a deployment event may be megabytes.
        properties.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicProvisioner.LARGE_RECORD_BYTES);
        return properties;
    }
}
