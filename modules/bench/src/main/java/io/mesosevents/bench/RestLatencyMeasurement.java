package io.mesosevents.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Measurement 2: single-task GETs against instance A of two serving instances, at a fixed rate, for
 * keys A owns (answered from its stores) and for keys B owns (A forwards them over HTTP).
 * <ol>
 *   <li>Both instances start together, with the application id of the measured views run (whose
 *       group has committed all the input) and empty state directories: they restore the stores from
 *       the changelogs and split the partitions. Once loaded (see {@link RestInstances#awaitLoaded}),</li>
 *   <li>a sample of task keys is asked for once each on A, which sorts them by the instance that
 *       answered ({@link RestKeySplit}) and warms both up;</li>
 *   <li>then each case: a warm-up at the same rate, not counted, then the measured run ({@link LatencyRun}).</li>
 * </ol>
 */
final class RestLatencyMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(RestLatencyMeasurement.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(4);
    /** The request timeout of the load, as long as one instance waits for another's answer. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final ViewsBenchSettings settings;
    private final List<String> childArgs;

    /** @param childArgs {@link ViewsChildConfig#args} with the views run's application id and a fresh state directory */
    RestLatencyMeasurement(ViewsBenchSettings settings, List<String> childArgs) {
        this.settings = settings;
        this.childArgs = List.copyOf(childArgs);
    }

    RestFigures run(List<String> taskKeys) throws InterruptedException {
        RestCalls calls = new RestCalls();
        long start = System.nanoTime();
        try (RestInstances instances = RestInstances.start(childArgs)) {
            RestInstances.TaskPartitions partitions = instances.awaitLoaded(calls, settings.partitions(), Deadline.in(LOAD_TIMEOUT));
            long loadNanos = System.nanoTime() - start;
            LOG.info("Both instances loaded in {} s; tasks partitions {}", String.format("%.1f", loadNanos / 1e9), partitions.active());
            RestKeySplit keys = RestKeySplit.classify(calls, instances.a(), sample(taskKeys));
            LOG.info("Of {} sampled task keys A answers {} itself and forwards {}; {} unanswered",
                    keys.local().size() + keys.forwarded().size() + keys.unanswered().size(), keys.local().size(),
                    keys.forwarded().size(), keys.unanswered().size());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(REQUEST_TIMEOUT).build();
            LatencyRun load = new LatencyRun(client, settings.restRate(), REQUEST_TIMEOUT);
            Optional<LatencyFigures> local = measure(load, instances.a(), keys.local(), instances.a().name(), "local");
            Optional<LatencyFigures> forwarded = measure(load, instances.a(), keys.forwarded(), instances.b().name(), "forwarded");
            return new RestFigures(instances.a().name(), instances.b().name(), partitions, loadNanos, keys, local, forwarded);
        }
    }

    private Optional<LatencyFigures> measure(LatencyRun load, RestInstances.Instance target, List<String> keys,
                                             String expectedAnswerer, String label) throws InterruptedException {
        if (keys.isEmpty()) {
            LOG.warn("No sampled key is {} on A: that case is skipped", label);
            return Optional.empty();
        }
        if (!settings.restWarmUp().isZero()) {
            load.run(target, keys, expectedAnswerer, settings.restWarmUp());
        }
        LOG.info("Measuring {} GETs: {} req/s for {} s", label, settings.restRate(), settings.restSeconds());
        LatencyFigures figures = load.run(target, keys, expectedAnswerer, settings.restDuration());
        LOG.info("{}: p50 {} ms, p99 {} ms, max {} ms, errors {}", label, String.format("%.2f", figures.millis(0.5)),
                String.format("%.2f", figures.millis(0.99)), String.format("%.2f", figures.maxMillis()), figures.errors());
        return Optional.of(figures);
    }

    /** {@code restKeys} task keys picked at random (by the run's seed), in random order. */
    private List<String> sample(List<String> taskKeys) {
        List<String> shuffled = new ArrayList<>(taskKeys);
        Collections.shuffle(shuffled, new Random(settings.seed()));
        return shuffled.subList(0, Math.min(settings.restKeys(), shuffled.size()));
    }
}
