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

    private final SourceRun run;

    private MesosIngestion(SourceRun run) {
        this.run = run;
    }

    /**
     * Starts ingesting. {@code onFenced} runs (on a thread of its own) when a newer ingestor of the
     * same source has taken the transactional id: this one has stopped and must not lead any more.
     */
    public static MesosIngestion start(MesosIngestionConfig config, Clock clock, IngestMetrics metrics, Runnable onFenced) {
        EntityStateLoader loader = new EntityStateLoader(config.clientProperties(), config.topicPrefix(), config.kafkaTimeout());
        SourceRun run = new SourceRun("mesos", KafkaWriterConfig.of(config.clientProperties(), config.topicPrefix(), config.transactionalId()),
                metrics, onFenced, (writer, snapshotWritten) -> {
                    MesosIngestor ingestor = new MesosIngestor(config.cluster(), writer, () -> loader.load(config.cluster()), clock,
                            (session, records) -> snapshotWritten.run(), metrics);
                    MesosSubscriber subscriber = new MesosSubscriber(config.mesos(), ingestor);
                    return new SourceRun.Parts(new EventSource(subscriber::start, subscriber::resubscribe, subscriber::reconnects,
                            subscriber::lastByteAt, subscriber::close), ingestor::reloadOnNextSession);
                });
        run.start();
        LOG.info("Ingesting Mesos cluster '{}' from {} into Kafka (transactional id {})",
                config.cluster(), config.mesos().masters(), config.transactionalId());
        return new MesosIngestion(run);
    }

    /** True once a snapshot has been written: the topics describe the cluster. */
    @Override
    public boolean ready() {
        return run.ready();
    }

    /** True once this ingestion can no longer write: its replica should give up the lead. */
    public boolean fenced() {
        return run.fenced();
    }

    public long reconnects() {
        return run.reconnects();
    }

    @Override
    public void close() {
        run.close();
    }
}
