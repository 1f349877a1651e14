package io.mesosevents.cli.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/** The generated documents of {@code docs/reference/} and how to regenerate them. */
final class ReferenceDocs {

    static final String DIRECTORY = "docs/reference";
    static final String UPDATE_PROPERTY = "docs.update";
    /**
     * With {@code -am}, the schemas and the other modules are compiled from this checkout rather than
     * taken from the local repository, where they may be older.
     */
    static final String REGENERATE_COMMAND = "mvn -pl modules/cli -am test -Dtest=ReferenceDocsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";

    private ReferenceDocs() {
    }

    static List<GeneratedDoc> render(Path root) {
        TopicsAndSchemasDoc topics = TopicsAndSchemasDoc.fromRepository(root);
        return List.of(
                new GeneratedDoc(TopicsAndSchemasDoc.FILE, topics.render()),
                new GeneratedDoc(RestApiDoc.FILE, RestApiDoc.fromRepository(root, recordsByName(topics.types())).render()),
                new GeneratedDoc(ConfigurationDoc.FILE, new ConfigurationDoc(CliCommand.all()).render()));
    }

    /**
     * Simple name → full name of the Avro records, so that a REST schema named like a record links to
     * it; a name two namespaces share links nowhere rather than to the wrong one.
     */
    static Map<String, String> recordsByName(List<Schema> types) {
        return types.stream().filter(t -> t.getType() == Schema.Type.RECORD)
                .collect(Collectors.groupingBy(Schema::getName)).entrySet().stream()
                .filter(e -> e.getValue().size() == 1)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0).getFullName()));
    }
}
