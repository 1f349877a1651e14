package io.mesosevents.replay.export;

import io.mesosevents.replay.progress.Progress;
import io.mesosevents.replay.read.PartitionRange;
import io.mesosevents.replay.read.PartitionReader;
import io.mesosevents.replay.read.RawRecord;
import io.mesosevents.replay.read.ReadPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a read plan to files. Workers ({@code parallelism} of them, at most one per partition)
 * take partitions from a shared queue, largest first so the last partition to finish is a small
 * one, and stream each partition in offset order straight into its own files: per-entity order
 * holds (a key lives in one partition) with no merge, and memory is one consumer poll plus the open
 * files of one hour per worker, whatever the range. Records whose Kafka time lies outside the range
 * (a producer's clock stepped back) are left out and counted.
 */
public final class Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);
    /** Progress is told in batches: a shared counter touched per record costs more than the count is worth. */
    private static final int PROGRESS_BATCH = 256;

    private final ExportSettings settings;
    private final ValueDecoder decoder;
    private final Function<String, Schema> tombstoneSchema;

    /**
     * @param decoder         turns value bytes into records
     * @param tombstoneSchema a topic's value schema, for a file whose first record is a tombstone
     */
    public Exporter(ExportSettings settings, ValueDecoder decoder, Function<String, Schema> tombstoneSchema) {
        this.settings = settings;
        this.decoder = decoder;
        this.tombstoneSchema = tombstoneSchema;
    }

    public ExportResult run(ReadPlan plan, Progress progress) {
        long started = System.nanoTime();
        requireEmptyOutput(settings.layout().root());
        List<PartitionRange> ranges = new ArrayList<>(plan.ranges());
        ranges.sort(Comparator.comparingLong(PartitionRange::offsets).reversed());
        ConcurrentLinkedQueue<PartitionRange> queue = new ConcurrentLinkedQueue<>(ranges);
        int workers = Math.max(1, Math.min(settings.parallelism(), ranges.size()));
        LongAdder written = new LongAdder();
        LongAdder outside = new LongAdder();
        List<Path> files = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "export-" + threadNumber.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        LOG.info("Exporting {} partitions (at most {} records) between {} and {} as {} to {} with {} workers", ranges.size(),
                plan.records(), settings.from(), settings.to(), settings.format().extension(), settings.layout().root(), workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> {
                    PartitionRange range;
                    while (!failed.get() && (range = queue.poll()) != null) {
                        files.addAll(exportPartition(range, progress, written, outside, failed));
                    }
                    return null;
                }));
            }
            awaitAll(running, failed);
        } finally {
            pool.shutdownNow();
        }
        ExportResult result = new ExportResult(written.sum(), outside.sum(), sorted(files), Duration.ofNanos(System.nanoTime() - started));
        if (result.outsideRange() > 0) {
            LOG.info("Left out {} records within the offsets of the range whose record time is outside it", result.outsideRange());
        }
        return result;
    }

    private List<Path> exportPartition(PartitionRange range, Progress progress, LongAdder written, LongAdder outside,
                                       AtomicBoolean failed) throws IOException {
        long from = settings.from().toEpochMilli();
        long to = settings.to().toEpochMilli();
        PartitionFiles files = new PartitionFiles(settings.format(), settings.layout(), new PayloadSplit(), tombstoneSchema);
        long unreported = 0;
        try (PartitionReader reader = new PartitionReader(settings.consumerConfig(), List.of(range)); files) {
            while (!failed.get() && reader.hasNext()) {
                RawRecord raw = reader.next();
                if (raw.timestamp() < from || raw.timestamp() > to) {
                    outside.increment();
                } else {
                    files.write(exported(raw));
                    written.increment();
                }
                if (++unreported == PROGRESS_BATCH) {
                    progress.advance(unreported);
                    unreported = 0;
                }
            }
        } finally {
            progress.advance(unreported);
        }
        LOG.debug("Exported {}-{} offsets {} to {}", range.partition().topic(), range.partition().partition(), range.startOffset(),
                range.endOffset());
        return files.files();
    }

    private ExportedRecord exported(RawRecord raw) {
        GenericRecord value;
        try {
            value = decoder.decode(raw.topic(), raw.value());
        } catch (SerializationException e) {
            throw new ExportException("Cannot decode the value at " + raw.topic() + "-" + raw.partition() + " offset " + raw.offset()
                    + ": " + e.getMessage(), e);
        }
        String key = raw.key() == null ? null : new String(raw.key(), StandardCharsets.UTF_8);
        return new ExportedRecord(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(), key, value);
    }

    private static void awaitAll(List<Future<?>> running, AtomicBoolean failed) {
        Throwable first = null;
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                // One failure stops the others at their next record; the first cause is the one to report.
                failed.set(true);
                first = first == null ? e.getCause() : first;
            } catch (InterruptedException e) {
                failed.set(true);
                Thread.currentThread().interrupt();
                throw new ExportException("Export interrupted");
            }
        }
        if (first instanceof ExportException export) {
            throw export;
        }
        if (first instanceof IOException || first instanceof UncheckedIOException) {
            throw new ExportException("Cannot write the export: " + first.getMessage(), first);
        }
        if (first != null) {
            throw new ExportException("Export failed: " + first, first);
        }
    }

    /** Refuses to mix an export with other files: a partial earlier run would otherwise look like part of this one. */
    private static void requireEmptyOutput(Path root) {
        try {
            if (Files.isDirectory(root)) {
                try (var entries = Files.list(root)) {
                    if (entries.findAny().isPresent()) {
                        throw new ExportException("The output directory " + root + " is not empty: give a new or empty directory");
                    }
                }
            } else if (Files.exists(root)) {
                throw new ExportException("The output " + root + " exists and is not a directory: give a new or empty directory");
            }
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new ExportException("Cannot create the output directory " + root + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> sorted(List<Path> files) {
        synchronized (files) {
            List<Path> copy = new ArrayList<>(files);
            copy.sort(Comparator.naturalOrder());
            return copy;
        }
    }
}
