package io.mesosevents.bench;

/** {@code count} things done in {@code nanos}. */
record Throughput(long count, long nanos) {

    double seconds() {
        return nanos / 1e9;
    }

    double perSecond() {
        return nanos == 0 ? 0 : count / seconds();
    }
}
