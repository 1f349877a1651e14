package io.mesosevents.ingestor;

import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.mesosevents.mesos.MesosSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Ingests one Mesos master into Kafka: claims the source's transactional id (fencing older
 * writers), subscribes, and keeps going through disconnects. A failed write resynchronises the
 * source from a fresh snapshot; being fenced by a newer ingestor stops this one.
 */
public final class MesosIngestion implements SourceIngestion {

    private static final Logger LOG = LoggerFactory.getLogger(MesosIngestion.class);

    private final KafkaRecordWriter writer;
    private final MesosSubscriber subscriber;
    private final WriteFailureResponse failures;
    private final IngestMetrics metrics;
    private volatile boolean snapshotWritten;

    private MesosIngestion(MesosIngestionConfig config, Clock clock, IngestMetrics metrics, Runnable onFenced) {
        this.metrics = metrics;
        this.failures = new WriteFailureResponse(metrics, onFenced, "mesos-ingestion-control");
        this.writer = new KafkaRecordWriter(
                KafkaWriterConfig.of(config.clientProperties(), config.topicPrefix(), config.transactionalId()), failures.listener());
        try {
            EntityStateLoader loader = new EntityStateLoader(config.clientProperties(), config.topicPrefix(), config.kafkaTimeout());
            MesosIngestor ingestor = new MesosIngestor(config.cluster(), writer, () -> loader.load(config.cluster()), clock,
                    (session, records) -> snapshotWritten = true, metrics);
            this.subscriber = new MesosSubscriber(config.mesos(), ingestor);
            failures.attach(new WriteFailureResponse.Source() {
                @Override
                public void reloadOnNextSession() {
                    ingestor.reloadOnNextSession();
                }

                @Override
                public void resubscribe(String reason) {
                    subscriber.resubscribe(reason);
                }

                @Override
                public void stop() {
                    subscriber.close();
                }
            });
        } catch (RuntimeException e) {
            // E.g. an unreadable trust store: the writer already holds a producer and a thread.
            writer.close();
            failures.close();
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
    @Override
    public boolean ready() {
        return snapshotWritten && !failures.fenced();
    }

    /**
     * True once this ingestion can no longer write: a newer ingestor of the same source took over,
     * or its producer failed beyond repair. Either way its replica should give up the lead.
     */
    public boolean fenced() {
        return failures.fenced();
    }

    public long reconnects() {
        return subscriber.reconnects();
    }

    @Override
    public void close() {
        failures.close();
        subscriber.close();
        writer.close();
        metrics.unwatch();
    }
}
