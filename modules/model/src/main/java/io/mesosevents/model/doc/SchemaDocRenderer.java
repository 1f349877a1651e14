package io.mesosevents.model.doc;

import io.mesosevents.model.Topic;
import io.mesosevents.model.schema.NamedTypes;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Renders the topic catalogue and every record and enum from the schemas' {@code doc} strings
 * as Markdown (committed as {@code schemas/README.md}). The output depends only on the schemas
 * and the topic list, in their declared order, so it can be compared byte for byte.
 */
public final class SchemaDocRenderer {

    private static final String INTRO = """
            # mesos-events topics and schemas

            <!-- Generated from the .avdl files in this directory by io.mesosevents.model.doc.SchemaDocRenderer. Do not edit. -->

            The Avro contract of every mesos-events topic, rendered from the `doc` strings of the
            `.avdl` files in this directory. Record keys are plain UTF-8 strings; values are Avro in
            the Confluent wire format, registered under the subject `<topic>-value`. A configured
            topic prefix goes in front of every topic name and subject.

            Keys of entities are `<cluster>/<id>` with the id kept verbatim (a Marathon app
            `/prod/web` in cluster `eu1` is `eu1//prod/web`); cluster names use only letters,
            digits, `.`, `_` and `-` (see `io.mesosevents.model.EntityKey`).

            Changing the schemas:

            - New fields need a default; optional values are `union { null, T } x = null`; every enum
              declares a default symbol. Never remove or rename a field or change its type. New
              Marathon event types are appended at the end of `MarathonEvent.payload`.
            - `mvn -pl modules/model verify` checks every topic's current schema against every
              released baseline in `baselines/<version>/<topic>.avsc` (BACKWARD_TRANSITIVE) and
              names each field that breaks compatibility.
            - Regenerate this file: `mvn -pl modules/model test -Dschemas.update=true`.
            - At release time, record the released schemas as a new baseline:
              `mvn -pl modules/model test -Dschemas.baseline=<version>` (writes
              `baselines/<version>/`; existing baselines are never overwritten). Commit it.
            """;

    private SchemaDocRenderer() {
    }

    public static String render(List<Topic> topics) {
        StringBuilder md = new StringBuilder();
        md.append(INTRO);
        md.append("\n## Topics\n");
        topics.forEach(topic -> appendTopic(md, topic));
        md.append("\n## Types\n");
        NamedTypes.reachableFrom(topics.stream().map(Topic::valueSchema).toList())
                .forEach(type -> appendType(md, type));
        return md.toString();
    }

    private static void appendTopic(StringBuilder md, Topic topic) {
        md.append("\n### ").append(topic.defaultName()).append("\n\n");
        md.append("- Key: `").append(topic.keyDescription()).append("`\n");
        md.append("- Value: ").append(Markdown.link(topic.valueSchema()))
                .append(" (subject `").append(topic.valueSubject("")).append("`)\n");
        md.append("- Cleanup policy: `").append(topic.cleanupPolicy().configValue()).append("`\n");
    }

    private static void appendType(StringBuilder md, Schema type) {
        md.append("\n<a id=\"").append(Markdown.anchor(type)).append("\"></a>\n");
        md.append("### ").append(type.getType().getName()).append(' ').append(type.getName()).append("\n\n");
        md.append("Namespace `").append(type.getNamespace()).append("`.");
        String doc = Markdown.text(type.getDoc());
        md.append(doc.isEmpty() ? "" : " " + doc).append("\n\n");
        switch (type.getType()) {
            case RECORD -> appendFields(md, type);
            case ENUM -> appendSymbols(md, type);
            default -> md.append("Fixed, ").append(type.getFixedSize()).append(" bytes.\n");
        }
    }

    private static void appendFields(StringBuilder md, Schema record) {
        if (record.getFields().isEmpty()) {
            md.append("No fields.\n");
            return;
        }
        md.append("| Field | Type | Default | Description |\n");
        md.append("|---|---|---|---|\n");
        for (Schema.Field field : record.getFields()) {
            md.append("| `").append(field.name()).append("` | ").append(Markdown.type(field.schema()))
                    .append(" | ").append(Markdown.defaultValue(field))
                    .append(" | ").append(Markdown.text(field.doc())).append(" |\n");
        }
    }

    private static void appendSymbols(StringBuilder md, Schema enumType) {
        md.append("Symbols: ").append(enumType.getEnumSymbols().stream().map(s -> "`" + s + "`")
                .collect(Collectors.joining(", "))).append(".\n");
        md.append("Default (read in place of unknown symbols): `").append(enumType.getEnumDefault())
                .append("`.\n");
    }
}
