package io.mesosevents.cli.docs;

import io.mesosevents.model.StoreRecords;
import io.mesosevents.model.Topic;
import io.mesosevents.model.schema.Baselines;
import io.mesosevents.model.schema.NamedTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Renders {@code docs/reference/topics-and-schemas.md}: the topic catalogue of {@link Topic}, with the
 * configs the provisioner creates each topic with and the baselines it is checked against, then
 * every named type of {@code schemas/} (those of the topics' values and of the views' internal
 * {@link StoreRecords}), file by file in declaration order.
 */
final class TopicsAndSchemasDoc {

    static final String FILE = "topics-and-schemas.md";

    private final List<Topic> topics;
    private final List<Schema> storeRecords;
    private final List<Schema> types;
    /** Full names of the types the store records reach. */
    private final Set<String> internalTypes;
    private final AvdlDeclarations declarations;
    private final Map<String, List<String>> baselinesByTopic;
    private final TopicCreationConfigs creationConfigs;

    TopicsAndSchemasDoc(List<Topic> topics, List<Schema> storeRecords, AvdlDeclarations declarations,
            Map<String, List<String>> baselinesByTopic, TopicCreationConfigs creationConfigs) {
        this.topics = List.copyOf(topics);
        this.storeRecords = List.copyOf(storeRecords);
        List<Schema> roots = new ArrayList<>(topics.stream().map(Topic::valueSchema).toList());
        roots.addAll(storeRecords);
        this.types = NamedTypes.reachableFrom(roots);
        this.internalTypes = NamedTypes.reachableFrom(storeRecords).stream().map(Schema::getFullName).collect(Collectors.toSet());
        this.declarations = declarations;
        this.baselinesByTopic = Map.copyOf(baselinesByTopic);
        this.creationConfigs = creationConfigs;
    }

    static TopicsAndSchemasDoc fromRepository(Path root) {
        Path schemas = root.resolve("schemas");
        return new TopicsAndSchemasDoc(List.of(Topic.values()), StoreRecords.schemas(), AvdlDeclarations.scan(schemas),
                baselinesByTopic(new Baselines(schemas.resolve("baselines"))), TopicCreationConfigs.read());
    }

    /** Topic name → released versions whose baseline holds it, oldest first. */
    private static Map<String, List<String>> baselinesByTopic(Baselines baselines) {
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        try {
            for (String version : baselines.versions()) {
                baselines.load(version).keySet().forEach(topic -> byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(version));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byTopic;
    }

    /** Every named type the topics' values and the store records reach, which is what the document describes. */
    List<Schema> types() {
        return types;
    }

    private static final String INTERNAL_ANCHOR = "internal-records";

    static String topicAnchor(Topic topic) {
        return "topic-" + topic.defaultName();
    }

    private static String fileAnchor(String avdlFile) {
        return "file-" + avdlFile;
    }

    String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Topics and schemas\n\n").append(Markdown.generatedNotice(getClass())).append('\n');
        md.append("""
                Every Kafka topic of mesos-events and the Avro contract of its values, generated from the
                topic catalogue (`io.mesosevents.model.Topic`) and the `.avdl` files in
                [`schemas/`](../../schemas/). Record keys are plain UTF-8 strings; values are Avro in the
                Confluent wire format (magic byte `0`, 4-byte big-endian schema id, Avro binary), registered
                under the subject `<topic>-value`. A topic prefix (`--topic-prefix`, see the
                [configuration reference](configuration.md)) goes in front of every topic name and subject.
                How the event log and the views fit together is in [the architecture](../architecture.md);
                how to read the topics is in [the consumer guide](../consumers.md).

                """);
        appendContents(md);
        appendTopics(md);
        appendCompatibility(md);
        appendTypes(md);
        return md.toString();
    }

    private void appendContents(StringBuilder md) {
        md.append("## Contents\n\n");
        md.append("- [Topics](#topics)\n");
        topics.forEach(t -> md.append("  - ").append(Markdown.link(Markdown.code(t.defaultName()), "#" + topicAnchor(t))).append('\n'));
        md.append("  - [Internal records](#" + INTERNAL_ANCHOR + ")\n");
        md.append("- [Compatibility](#compatibility)\n");
        md.append("- [Types](#types)\n");
        typesByFile().forEach((file, fileTypes) -> md.append("  - ")
                .append(Markdown.link(Markdown.code(file), "#" + fileAnchor(file))).append(": ")
                .append(fileTypes.stream().map(this::typeLink).collect(Collectors.joining(", "))).append('\n'));
        md.append('\n');
    }

    private void appendTopics(StringBuilder md) {
        md.append(Markdown.anchor("topics")).append("## Topics\n\n");
        List<List<String>> rows = topics.stream().map(t -> List.of(
                Markdown.link(Markdown.code(t.defaultName()), "#" + topicAnchor(t)),
                Markdown.cellCode(t.keyDescription()),
                typeLink(t.valueSchema()),
                Markdown.code(t.cleanupPolicy().configValue()))).toList();
        md.append(Markdown.table(List.of("Topic", "Key", "Value", "Cleanup policy"), rows)).append('\n');
        md.append("""
                Topics are created with the configs listed below by `mesos-events topics create`, and at start by
                `ingest` and `serve` unless `--no-create-topics`. The number of partitions and the replication
                factor are not part of the contract: `topics create --partitions N --replication-factor R` sets
                them, otherwise the broker's defaults apply, as they do for every config not listed
                (`retention.ms`, `retention.bytes`, …). `delete` topics are time-retained event logs; `compact`
                topics are tables that keep the latest value per key, a null value (tombstone) deleting the key.
                """);
        topics.forEach(t -> appendTopic(md, t));
        md.append('\n').append(Markdown.anchor(INTERNAL_ANCHOR)).append("### Internal records\n\n");
        md.append("Besides the topics, `serve` keeps ")
                .append(storeRecords.stream().map(this::typeLink).collect(Collectors.joining(", ")))
                .append(" in its state stores, and so in their changelog and repartition topics (internal topics named after\n")
                .append("`--application-id`). They outlive restarts as topic values do, so they follow the same evolution rules.\n");
    }

    private void appendTopic(StringBuilder md, Topic topic) {
        md.append('\n').append(Markdown.anchor(topicAnchor(topic))).append("### ").append(Markdown.code(topic.defaultName())).append("\n\n");
        md.append("- Key: ").append(Markdown.code(topic.keyDescription())).append('\n');
        md.append("- Value: ").append(typeLink(topic.valueSchema())).append(", subject ")
                .append(Markdown.code(topic.valueSubject(""))).append('\n');
        md.append("- Created with: ").append(creationConfigs.of(topic).entrySet().stream()
                .map(e -> Markdown.code(e.getKey() + "=" + e.getValue())).collect(Collectors.joining(", "))).append('\n');
        List<String> released = baselinesByTopic.getOrDefault(topic.defaultName(), List.of());
        md.append("- Released baselines: ").append(released.isEmpty() ? "none yet (a new topic)"
                : released.stream().map(v -> Markdown.link(Markdown.code(v), "../../schemas/baselines/" + v + "/" + topic.defaultName() + ".avsc"))
                        .collect(Collectors.joining(", "))).append('\n');
        String doc = Markdown.text(topic.valueSchema().getDoc());
        if (!doc.isEmpty()) {
            md.append('\n').append(doc).append('\n');
        }
    }

    private void appendCompatibility(StringBuilder md) {
        md.append('\n').append(Markdown.anchor("compatibility")).append("## Compatibility\n\n");
        md.append("""
                The value schema of every topic evolves BACKWARD_TRANSITIVE: the current schema must read every
                record ever written with a released one, because replays and new consumers read the whole retained
                log. `mvn -pl modules/model verify` checks each topic's current schema against every released
                baseline in `schemas/baselines/<version>/<topic>.avsc` and names each field that breaks the rule.
                In practice:

                - a new field needs a default; an optional value is `union { null, T } x = null`;
                - every enum declares a default symbol, read in place of symbols a reader does not know;
                - a field is never removed or renamed, and its type never changes;
                - new Marathon event types are appended at the end of the `MarathonEvent.payload` union.

                The schema registry checks each subject at its own compatibility level (the embedded registry's
                default is `BACKWARD`); the build-time check above is the stricter one.
                """);
    }

    private void appendTypes(StringBuilder md) {
        md.append('\n').append(Markdown.anchor("types")).append("## Types\n\n");
        md.append("""
                Every record, enum and fixed type that the topics' values and the internal records use, grouped by
                the file that declares it, in declaration order. Types are written as readers see them: `optional T` is `union { null, T }`;
                logical types are given with their base type, e.g. `long (timestamp-millis)`.
                """);
        Map<String, List<String>> topicsByType = topicsByType();
        typesByFile().forEach((file, fileTypes) -> {
            md.append('\n').append(Markdown.anchor(fileAnchor(file))).append("### ")
                    .append(Markdown.link(Markdown.code("schemas/" + file), "../../schemas/" + file)).append('\n');
            fileTypes.forEach(type -> appendType(md, type, topicsByType.getOrDefault(type.getFullName(), List.of())));
        });
    }

    private void appendType(StringBuilder md, Schema type, List<String> usedBy) {
        md.append('\n').append(Markdown.anchor(AvroTypeText.anchor(type)));
        md.append("#### ").append(type.getType().getName()).append(' ').append(type.getName()).append("\n\n");
        List<String> users = new ArrayList<>(usedBy.stream().map(name -> Topic.byName(name).orElseThrow())
                .map(t -> Markdown.link(Markdown.code(t.defaultName()), "#" + topicAnchor(t))).toList());
        if (internalTypes.contains(type.getFullName())) {
            users.add(Markdown.link("the views' state stores", "#" + INTERNAL_ANCHOR));
        }
        md.append(Markdown.code(type.getFullName())).append(" · used by ").append(String.join(", ", users)).append("\n\n");
        String doc = Markdown.text(type.getDoc());
        if (!doc.isEmpty()) {
            md.append(doc).append("\n\n");
        }
        switch (type.getType()) {
            case RECORD -> appendFields(md, type);
            case ENUM -> md.append("Symbols: ")
                    .append(type.getEnumSymbols().stream().map(Markdown::code).collect(Collectors.joining(", ")))
                    .append(". Default (read in place of an unknown symbol): ")
                    .append(type.getEnumDefault() == null ? "none" : Markdown.code(type.getEnumDefault())).append(".\n");
            default -> md.append("Fixed size: ").append(type.getFixedSize()).append(" bytes.\n");
        }
    }

    private void appendFields(StringBuilder md, Schema record) {
        if (record.getFields().isEmpty()) {
            md.append("No fields.\n");
            return;
        }
        List<List<String>> rows = record.getFields().stream().map(f -> List.of(
                Markdown.code(f.name()),
                AvroTypeText.type(f.schema(), this::typeLink),
                f.hasDefaultValue() ? Markdown.cellCode(AvroTypeText.defaultJson(f)) : "required",
                Markdown.text(f.doc()))).toList();
        md.append(Markdown.table(List.of("Field", "Type", "Default", "Description"), rows));
    }

    private String typeLink(Schema named) {
        return Markdown.link(named.getName(), "#" + AvroTypeText.anchor(named));
    }

    /** The documented types by declaring file (files by name), each file's types in declaration order. */
    Map<String, List<Schema>> typesByFile() {
        Map<String, Schema> byFullName = types.stream().collect(Collectors.toMap(Schema::getFullName, t -> t));
        Map<String, List<Schema>> byFile = new java.util.TreeMap<>();
        declarations.fileByFullName().forEach((fullName, file) -> {
            Schema type = byFullName.get(fullName);
            if (type != null) {
                byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(type);
            }
        });
        return byFile;
    }

    /** Type full name → default names of the topics whose values reach it, in catalogue order. */
    private Map<String, List<String>> topicsByType() {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (Topic topic : topics) {
            NamedTypes.reachableFrom(List.of(topic.valueSchema()))
                    .forEach(type -> byType.computeIfAbsent(type.getFullName(), n -> new ArrayList<>()).add(topic.defaultName()));
        }
        return byType;
    }
}
