package io.mesosevents.simulator;

import com.google.protobuf.ByteString;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The source of randomness of a simulator's model: every choice draws from it in a fixed order, so
 * one seed gives one sequence of events.
 */
public final class SimRandom {

    private final SplittableRandom random;

    public SimRandom(long seed) {
        this(new SplittableRandom(seed));
    }

    private SimRandom(SplittableRandom random) {
        this.random = random;
    }

    /** An independent source for another part of the model, so that its draws do not shift this one's. */
    public SimRandom split() {
        return new SimRandom(random.split());
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in {@code [from, to)}. */
    public int between(int from, int to) {
        return random.nextInt(from, to);
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A version 4 UUID in its usual text form. */
    public String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** 16 random bytes, the form of Mesos status update UUIDs. */
    public ByteString uuidBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return ByteString.copyFrom(bytes);
    }

    /** An index chosen with probability proportional to its weight; at least one weight is positive. */
    public int weighted(double[] weights) {
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
