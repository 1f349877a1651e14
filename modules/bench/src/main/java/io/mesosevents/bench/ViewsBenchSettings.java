package io.mesosevents.bench;

import java.time.Duration;

/**
 * The knobs of the views suite ({@link ViewsBench}), read from {@code bench.views.*} system
 * properties. A blank value means the default, so that the {@code bench} Maven profile can pass
 * every property through without repeating the defaults; {@code _} digit groups are allowed.
 *
 * @param events      events pre-produced to the input topics (default {@value #DEFAULT_EVENTS})
 * @param tasks       Marathon tasks launched at first, spread over the apps; failed and killed ones are
 *                    replaced, so more task ids appear over the run (default {@value #DEFAULT_TASKS})
 * @param apps        Marathon apps (default {@value #DEFAULT_APPS})
 * @param agents      Mesos agents the tasks run on (default {@value #DEFAULT_AGENTS})
 * @param partitions  partitions of every input topic (default {@value #DEFAULT_PARTITIONS}); the
 *                    internal topics of Kafka Streams follow
 * @param seed        seed of the generated cluster history (default {@value #DEFAULT_SEED})
 * @param restRate    GET requests per second sent to instance A in each latency case
 *                    (default {@value #DEFAULT_REST_RATE})
 * @param restSeconds how long each latency case sends (default {@value #DEFAULT_REST_SECONDS})
 * @param restWarmUpSeconds how long each case sends at the same rate before, not counted, so that the
 *                    JIT has compiled the request path (default {@value #DEFAULT_REST_WARM_UP_SECONDS}:
 *                    with less, the forwarded case measures the interpreter)
 * @param restKeys    task keys sampled for the latency cases, split by owner into local and
 *                    forwarded (default {@value #DEFAULT_REST_KEYS})
 */
record ViewsBenchSettings(long events, int tasks, int apps, int agents, int partitions, long seed, int restRate,
                          int restSeconds, int restWarmUpSeconds, int restKeys) {

    static final long DEFAULT_EVENTS = 200_000;
    static final int DEFAULT_TASKS = 3_000;
    static final int DEFAULT_APPS = 100;
    static final int DEFAULT_AGENTS = 200;
    static final int DEFAULT_PARTITIONS = 6;
    static final long DEFAULT_SEED = 1;
    static final int DEFAULT_REST_RATE = 200;
    static final int DEFAULT_REST_SECONDS = 15;
    static final int DEFAULT_REST_WARM_UP_SECONDS = 10;
    static final int DEFAULT_REST_KEYS = 1_000;

    ViewsBenchSettings {
        if (apps < 1 || agents < 1 || partitions < 1 || tasks < apps) {
            throw new IllegalArgumentException("bench.views.apps, .agents and .partitions must be >= 1, and .tasks >= .apps");
        }
        // Every agent and app is announced once, and every task launched, before the history runs on.
        if (events < 10L * tasks + agents + apps) {
            throw new IllegalArgumentException("bench.views.events must be at least 10 × tasks + agents + apps = "
                    + (10L * tasks + agents + apps) + ", was " + events);
        }
        if (restRate < 1 || restSeconds < 1 || restWarmUpSeconds < 0 || restKeys < 2) {
            throw new IllegalArgumentException("bench.views.restRate and .restSeconds must be >= 1, .restWarmUpSeconds >= 0, "
                    + ".restKeys >= 2");
        }
    }

    static ViewsBenchSettings fromSystemProperties() {
        return new ViewsBenchSettings(
                number("bench.views.events", DEFAULT_EVENTS),
                (int) number("bench.views.tasks", DEFAULT_TASKS),
                (int) number("bench.views.apps", DEFAULT_APPS),
                (int) number("bench.views.agents", DEFAULT_AGENTS),
                (int) number("bench.views.partitions", DEFAULT_PARTITIONS),
                number("bench.views.seed", DEFAULT_SEED),
                (int) number("bench.views.restRate", DEFAULT_REST_RATE),
                (int) number("bench.views.restSeconds", DEFAULT_REST_SECONDS),
                (int) number("bench.views.restWarmUpSeconds", DEFAULT_REST_WARM_UP_SECONDS),
                (int) number("bench.views.restKeys", DEFAULT_REST_KEYS));
    }

    Duration restDuration() {
        return Duration.ofSeconds(restSeconds);
    }

    Duration restWarmUp() {
        return Duration.ofSeconds(restWarmUpSeconds);
    }

    private static long number(String property, long fallback) {
        String value = System.getProperty(property, "").strip().replace("_", "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a whole number, was '" + System.getProperty(property) + "'", e);
        }
    }
}
