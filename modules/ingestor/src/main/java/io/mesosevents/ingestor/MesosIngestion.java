package io.mesosevents.ingestor;

import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.mesosevents.mesos.MesosSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Ingests one Mesos master into Kafka: claims the source's transactional id (fencing older
 * writers), subscribes, and keeps going through disconnects. A failed write resynchronises the
 * source from a fresh snapshot; being fenced by a newer ingestor stops this one.
 */
public final class MesosIngestion implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MesosIngestion.class);

    private final KafkaRecordWriter writer;
    private final MesosIngestor ingestor;
    private final MesosSubscriber subscriber;
    // Reacting to a write failure closes or restarts the subscriber, which must not happen on the writer's own thread.
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> new Thread(r, "mesos-ingestion-control"));
    private volatile boolean snapshotWritten;
    private volatile boolean fenced;

    private final IngestMetrics metrics;

    private final Runnable onFenced;

    private MesosIngestion(MesosIngestionConfig config, Clock clock, IngestMetrics metrics, Runnable onFenced) {
        this.metrics = metrics;
        this.onFenced = onFenced;
        this.writer = new KafkaRecordWriter(
                KafkaWriterConfig.of(config.clientProperties(), config.topicPrefix(), config.transactionalId()), this::writeFailed);
        try {
            EntityStateLoader loader = new EntityStateLoader(config.clientProperties(), config.topicPrefix(), config.kafkaTimeout());
            this.ingestor = new MesosIngestor(config.cluster(), writer, () -> loader.load(config.cluster()), clock,
                    (session, records) -> snapshotWritten = true, metrics);
            this.subscriber = new MesosSubscriber(config.mesos(), ingestor);
        } catch (RuntimeException e) {
            // E.g. an unreadable trust store: the writer already holds a producer and a thread.
            writer.close();
            control.shutdownNow();
            throw e;
        }
        metrics.watch(new IngestMetrics.SourceConnection(subscriber::reconnects, subscriber::lastByteAt));
    }

    /**
     * Starts ingesting. {@code onFenced} runs (on a thread of its own) when a newer ingestor of the
     * same source has taken the transactional id: this one has stopped and must not lead any more.
     */
    public static MesosIngestion start(MesosIngestionConfig config, Clock clock, IngestMetrics metrics, Runnable onFenced) {
        MesosIngestion ingestion = new MesosIngestion(config, clock, metrics, onFenced);
        ingestion.subscriber.start();
        LOG.info("Ingesting Mesos cluster '{}' from {} into Kafka (transactional id {})",
                config.cluster(), config.mesos().masters(), config.transactionalId());
        return ingestion;
    }

    /** True once a snapshot has been written: the topics describe the cluster. */
    public boolean ready() {
        return snapshotWritten && !fenced;
    }

    /**
     * True once this ingestion can no longer write: a newer ingestor of the same source took over,
     * or its producer failed beyond repair. Either way its replica should give up the lead.
     */
    public boolean fenced() {
        return fenced;
    }

    public long reconnects() {
        return subscriber.reconnects();
    }

    private void writeFailed(WriteFailure failure) {
        metrics.writeFailed();
        try {
            if (failure.fatal()) {
                fenced = true;
                control.execute(() -> {
                    subscriber.close();
                    onFenced.run();
                });
            } else {
                ingestor.reloadOnNextSession();
                control.execute(() -> subscriber.resubscribe("a write to Kafka failed: " + failure.reason()));
            }
        } catch (RejectedExecutionException e) {
            // Closing already: nothing left to stop or restart.
        }
    }

    @Override
    public void close() {
        control.shutdownNow();
        subscriber.close();
        writer.close();
        metrics.unwatch();
    }
}
