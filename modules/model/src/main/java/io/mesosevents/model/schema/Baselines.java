package io.mesosevents.model.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;

/**
 * The released value schemas, one directory per release:
 * {@code <root>/<version>/<topic>.avsc}, each file a pretty-printed, self-contained Avro schema.
 * A released baseline is never changed; a release adds a new directory.
 */
public final class Baselines {

    private static final String SUFFIX = ".avsc";
    /** Keeps a version usable as a single directory name. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]*");

    private final Path root;

    public Baselines(Path root) {
        this.root = root;
    }

    /** Released versions, sorted by name; empty if there is no baseline yet. */
    public List<String> versions() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        }
    }

    /** The value schemas of one release, keyed by topic name. */
    public SortedMap<String, Schema> load(String version) throws IOException {
        SortedMap<String, Schema> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(root.resolve(version))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                String name = file.getFileName().toString();
                // Each file is self-contained, so each gets its own parser (no shared named types).
                schemas.put(name.substring(0, name.length() - SUFFIX.length()),
                        new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return schemas;
    }

    /** Writes {@code schemas} (topic name to schema) as release {@code version}; refuses to touch an existing one. */
    public Path write(String version, Map<String, Schema> schemas) throws IOException {
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a usable baseline version: '" + version + "'");
        }
        Path dir = root.resolve(version);
        if (Files.exists(dir)) {
            throw new IllegalStateException("baseline " + version + " already exists at " + dir
                    + "; released baselines are immutable");
        }
        Files.createDirectories(dir);
        for (Map.Entry<String, Schema> entry : schemas.entrySet()) {
            Files.writeString(dir.resolve(entry.getKey() + SUFFIX), SchemaFormatter.format("json/pretty", entry.getValue()) + "\n",
                    StandardCharsets.UTF_8);
        }
        return dir;
    }
}
