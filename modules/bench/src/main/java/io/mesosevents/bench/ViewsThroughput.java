package io.mesosevents.bench;

/**
 * One timed Kafka Streams run over pre-produced input.
 *
 * @param records          input records the application read (its event topics only)
 * @param nanos            from {@code KafkaStreams.start()} to its group having committed the end of every topic it reads
 * @param firstCommitNanos from start to its first offset commit: joining the group, creating the
 *                         internal topics, the first transaction
 * @param heap             its JVM's heap meanwhile
 */
record ViewsThroughput(long records, long nanos, long firstCommitNanos, HeapFigures heap) {

    double seconds() {
        return nanos / 1e9;
    }

    double perSecond() {
        return records / seconds();
    }
}
