package io.mesosevents.simulator.mesos;

import com.google.protobuf.ByteString;

import java.util.List;
import java.util.SplittableRandom;

/** The single source of randomness of a cluster model: every choice draws from it in a fixed order. */
final class SimRandom {

    private final SplittableRandom random;

    SimRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in {@code [from, to)}. */
    int between(int from, int to) {
        return random.nextInt(from, to);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A version 4 UUID in its usual text form. */
    String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new java.util.UUID(high, low).toString();
    }

    /** 16 random bytes, the form of status update UUIDs. */
    ByteString uuidBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return ByteString.copyFrom(bytes);
    }

    /** An index chosen with probability proportional to its weight; at least one weight is positive. */
    int weighted(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double point = random.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) {
                continue;
            }
            last = i;
            point -= weights[i];
            if (point < 0) {
                return i;
            }
        }
        return last;
    }
}
