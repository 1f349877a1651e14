package io.mesosevents.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code docs/reference/} equal to what the generators render from the sources, and checks
 * that the renderings leave nothing out. With {@code -Ddocs.update=true} the files are rewritten first.
 */
class ReferenceDocsTest {

    private static final Path ROOT = RepositoryRoot.find();
    private static final List<GeneratedDoc> DOCS = ReferenceDocs.render(ROOT);

    static List<GeneratedDoc> docs() {
        return DOCS;
    }

    @ParameterizedTest
    @MethodSource("docs")
    void committedDocumentIsUpToDate(GeneratedDoc doc) throws IOException {
        Path file = ROOT.resolve(ReferenceDocs.DIRECTORY).resolve(doc.file());
        if (Boolean.getBoolean(ReferenceDocs.UPDATE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, doc.markdown(), StandardCharsets.UTF_8);
        }
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";

        assertThat(committed)
                .withFailMessage("%s/%s is not what its generator renders from the sources (first difference at line %d). "
                        + "Regenerate it with%n  %s%nand commit the result.", ReferenceDocs.DIRECTORY, doc.file(),
                        firstDifferentLine(committed, doc.markdown()), ReferenceDocs.REGENERATE_COMMAND)
                .isEqualTo(doc.markdown());
    }

    @Test
    void topicReferenceHasEveryTopicAndEveryTypeDeclaredInTheSchemas() {
        String md = markdown(TopicsAndSchemasDoc.FILE);
        for (Topic topic : Topic.values()) {
            assertThat(md).contains("<a id=\"" + TopicsAndSchemasDoc.topicAnchor(topic) + "\"></a>\n### `" + topic.defaultName() + "`",
                    "subject `" + topic.valueSubject("") + "`");
        }
        Set<String> declared = new TreeSet<>(AvdlDeclarations.scan(ROOT.resolve("schemas")).fileByFullName().keySet());
        assertThat(declared).as("named types declared in schemas/*.avdl").hasSizeGreaterThan(Topic.values().length);
        for (String fullName : declared) {
            assertThat(md).as("%s is declared in schemas/ but not in the reference (not reachable from any topic?)", fullName)
                    .contains("<a id=\"" + fullName + "\"></a>\n#### ");
        }
        assertThat(md.split("<a id=\"io\\.mesosevents\\.model\\.", -1)).as("each type is described once")
                .hasSize(declared.size() + 1);
    }

    @Test
    void topicReferenceDescribesEveryFieldWithItsDefault() {
        String md = markdown(TopicsAndSchemasDoc.FILE);
        TopicsAndSchemasDoc generator = TopicsAndSchemasDoc.fromRepository(ROOT);
        for (Schema type : generator.types()) {
            if (type.getType() == Schema.Type.RECORD) {
                for (Schema.Field field : type.getFields()) {
                    String defaultCell = field.hasDefaultValue() ? Markdown.cellCode(AvroTypeText.defaultJson(field)) : "required";
                    assertThat(md).as("field %s.%s", type.getName(), field.name()).contains("| `" + field.name() + "` | ");
                    assertThat(md).contains(" | " + defaultCell + " | ");
                }
            }
        }
    }

    @Test
    void restReferenceHasEveryPathMethodAndSchemaOfTheOpenApiDescription() {
        String md = markdown(RestApiDoc.FILE);
        RestApiDoc generator = RestApiDoc.fromRepository(ROOT, ReferenceDocs.recordsByName(TopicsAndSchemasDoc.fromRepository(ROOT).types()));
        assertThat(generator.endpoints()).hasSizeGreaterThan(10);
        for (RestApiDoc.Endpoint endpoint : generator.endpoints()) {
            assertThat(md).contains("<a id=\"" + endpoint.anchor() + "\"></a>\n### `" + endpoint.title() + "`");
            endpoint.operation().path("responses").fieldNames()
                    .forEachRemaining(status -> assertThat(md).contains("| `" + status + "` | "));
        }
        for (String schema : generator.schemaNames()) {
            assertThat(md).contains("<a id=\"" + OpenApiSchemaText.schemaAnchor(schema) + "\"></a>\n### " + schema + "\n");
        }
    }

    @Test
    void everyLinkWithinAndBetweenTheReferenceDocumentsHasATarget() {
        Pattern link = Pattern.compile("\\]\\(([\\w.-]*\\.md)?#([^)]+)\\)");
        for (GeneratedDoc doc : DOCS) {
            Matcher m = link.matcher(doc.markdown());
            while (m.find()) {
                String target = m.group(1) == null ? doc.file() : m.group(1);
                assertThat(markdown(target)).as("link %s in %s", m.group(), doc.file()).contains("<a id=\"" + m.group(2) + "\"></a>");
            }
        }
    }

    @Test
    void configurationReferenceHasEveryOptionOfEveryCommandWithItsVariable() {
        String md = markdown(ConfigurationDoc.FILE);
        List<CliCommand> commands = CliCommand.all();
        assertThat(commands).extracting(CliCommand::name).contains("mesos-events", "mesos-events ingest", "mesos-events serve");
        for (CliCommand command : commands) {
            String section = section(md, "<a id=\"" + command.anchor() + "\"></a>");
            for (CliOption option : command.settings()) {
                assertThat(section).as("%s %s", command.name(), option.longName())
                        .contains("| " + Markdown.cellCode(option.synopsis()) + " | `" + option.environment().orElseThrow() + "` | ");
            }
            command.helpOptions().forEach(o -> assertThat(section).contains(Markdown.code(o.synopsis())));
        }
    }

    /** An option whose help text names its variable must name the one the settings rule derives. */
    @Test
    void variablesNamedInHelpTextsAreTheOnesTheOptionsRead() {
        Pattern named = Pattern.compile("Env: (MESOS_EVENTS_[A-Z0-9_]+)\\b(?!<)");
        for (CliCommand command : CliCommand.all()) {
            for (CliOption option : command.settings()) {
                Matcher m = named.matcher(option.description());
                if (m.find()) {
                    assertThat(m.group(1)).as("%s %s", command.name(), option.longName()).isEqualTo(option.environment().orElseThrow());
                }
            }
        }
    }

    /** A variable read anywhere in the executable's sources or launcher must be in the configuration reference. */
    @Test
    void everyEnvironmentVariableTheSourcesNameIsDocumented() throws IOException {
        String md = markdown(ConfigurationDoc.FILE);
        Pattern variable = Pattern.compile("MESOS_EVENTS_[A-Z0-9_]*[A-Z0-9]");
        Set<String> named = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(ROOT.resolve("modules/cli/src/main")), Files.walk(ROOT.resolve("bin")))) {
            sources = files.filter(Files::isRegularFile).toList();
        }
        for (Path source : sources) {
            Matcher m = variable.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                named.add(m.group());
            }
        }
        assertThat(named).contains("MESOS_EVENTS_LOG_LEVEL", "MESOS_EVENTS_JAVA_OPTS");
        for (String name : named) {
            assertThat(md).as("%s is read by the sources", name).contains("`" + name);
        }
    }

    private static int firstDifferentLine(String a, String b) {
        String[] left = a.split("\n", -1);
        String[] right = b.split("\n", -1);
        int line = 0;
        while (line < left.length && line < right.length && left[line].equals(right[line])) {
            line++;
        }
        return line + 1;
    }

    private static String markdown(String file) {
        return DOCS.stream().filter(d -> d.file().equals(file)).findFirst().orElseThrow().markdown();
    }

    /** The text from {@code start} up to the next anchor of the same level, i.e. one command's section. */
    private static String section(String md, String start) {
        int from = md.indexOf(start);
        assertThat(from).as("section %s", start).isNotNegative();
        int to = md.indexOf("\n<a id=", from + start.length());
        return md.substring(from, to < 0 ? md.length() : to);
    }
}
