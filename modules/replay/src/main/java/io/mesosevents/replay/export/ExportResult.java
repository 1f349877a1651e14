package io.mesosevents.replay.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an export wrote: the records written, those read but left out because their record time was
 * outside the range (a producer's clock can step back), the files, and how long it took.
 */
public record ExportResult(long records, long outsideRange, List<Path> files, Duration elapsed) {

    public ExportResult {
        files = List.copyOf(files);
    }

    public double recordsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : records / seconds;
    }
}
