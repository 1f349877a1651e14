package io.mesosevents.replay.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The open files of one Kafka partition being exported. A file holds one value schema: a record
 * with another (a newer writer schema, or another payload type) goes to another file. Files of an
 * hour are closed once a record of a later hour arrives, since a partition's record times only step
 * back by clock skew: so at most the files of one hour (one per payload type) are open, which
 * bounds memory whatever the range. A record of an hour already closed starts a further file there.
 * Without hours, a partition of {@code marathon.events} has a file per payload type open: at most
 * {@value #MAX_OPEN_FILES} stay open, the least recently written is closed first (a later record of
 * its type starts a further file). With Parquet's row groups of {@value ParquetSink#ROW_GROUP_BYTES}
 * bytes, a worker buffers at most {@value #MAX_OPEN_FILES} of them.
 */
final class PartitionFiles implements Closeable {

    static final int MAX_OPEN_FILES = 16;

    private final ExportFormat format;
    private final OutputLayout layout;
    private final PayloadSplit split;
    private final Function<String, Schema> tombstoneSchema;
    private final int maxOpenFiles;
    /** In the order of last use, so the first is the one to close when too many are open. */
    private final Map<OutputLayout.Place, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<OutputLayout.Place, Integer> nextSequence = new HashMap<>();
    private final List<Path> written = new ArrayList<>();
    private String latestHour = "";
    private Schema lastSchema;

    private record OpenFile(Schema schema, RecordSink sink) {
    }

    /**
     * @param tombstoneSchema the value schema of a topic, for a tombstone (no value) arriving before any value
     */
    PartitionFiles(ExportFormat format, OutputLayout layout, PayloadSplit split, Function<String, Schema> tombstoneSchema) {
        this(format, layout, split, tombstoneSchema, MAX_OPEN_FILES);
    }

    PartitionFiles(ExportFormat format, OutputLayout layout, PayloadSplit split, Function<String, Schema> tombstoneSchema,
                   int maxOpenFiles) {
        this.maxOpenFiles = maxOpenFiles;
        this.format = format;
        this.layout = layout;
        this.split = split;
        this.tombstoneSchema = tombstoneSchema;
    }

    void write(ExportedRecord record) throws IOException {
        GenericRecord value = record.value();
        Schema schema = value != null ? value.getSchema() : lastSchema != null ? lastSchema : tombstoneSchema.apply(record.topic());
        Optional<String> eventType = Optional.empty();
        if (value != null && format.splitsPayload() && PayloadSplit.applies(schema)) {
            Optional<Schema> branch = PayloadSplit.branchOf(value);
            if (branch.isPresent()) {
                schema = split.schemaFor(schema, branch.get());
                value = PayloadSplit.project(value, schema);
                eventType = Optional.of(PayloadSplit.branchName(branch.get()));
            }
        }
        if (value != null) {
            lastSchema = record.value().getSchema();
        }
        OutputLayout.Place place = layout.place(record.topic(), eventType, record.timestamp(), record.partition());
        closeHoursBefore(place);
        OpenFile file = open.get(place);
        if (file != null && !file.schema().equals(schema)) {
            close(place, file);
            file = null;
        }
        if (file == null) {
            file = openFile(place, schema);
        }
        file.sink().write(value == record.value() ? record
                : new ExportedRecord(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(), value));
    }

    private void closeHoursBefore(OutputLayout.Place place) throws IOException {
        if (place.hour().isEmpty() || place.hour().get().compareTo(latestHour) <= 0) {
            return;
        }
        latestHour = place.hour().get();
        Iterator<Map.Entry<OutputLayout.Place, OpenFile>> files = open.entrySet().iterator();
        while (files.hasNext()) {
            Map.Entry<OutputLayout.Place, OpenFile> entry = files.next();
            if (entry.getKey().hour().get().compareTo(latestHour) < 0) {
                entry.getValue().sink().close();
                files.remove();
            }
        }
    }

    private OpenFile openFile(OutputLayout.Place place, Schema schema) throws IOException {
        int sequence = nextSequence.merge(place, 1, Integer::sum) - 1;
        Path path = layout.file(place, sequence, format);
        Files.createDirectories(path.getParent());
        if (open.size() >= maxOpenFiles) {
            Map.Entry<OutputLayout.Place, OpenFile> leastRecent = open.entrySet().iterator().next();
            close(leastRecent.getKey(), leastRecent.getValue());
        }
        OpenFile file = new OpenFile(schema, format.open(path, schema));
        open.put(place, file);
        written.add(path);
        return file;
    }

    private void close(OutputLayout.Place place, OpenFile file) throws IOException {
        open.remove(place);
        file.sink().close();
    }

    /** Every file this partition wrote, in the order they were opened. */
    List<Path> files() {
        return List.copyOf(written);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (OpenFile file : open.values()) {
            try {
                file.sink().close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
