package io.mesosevents.ingestor;

/** The ingestion of one source while its replica leads: Mesos or Marathon. */
public interface SourceIngestion extends AutoCloseable {

    /** True once a snapshot has been written and this ingestion may still write. */
    boolean ready();

    @Override
    void close();
}
