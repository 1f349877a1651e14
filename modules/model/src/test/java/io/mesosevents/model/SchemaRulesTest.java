package io.mesosevents.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.model.mesos.TaskState;
import io.mesosevents.model.schema.NamedTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.idl.IdlFile;
import org.apache.avro.idl.IdlReader;
import org.junit.jupiter.api.Test;

/** The evolution rules of schemas/, checked on every type reachable from a topic. */
class SchemaRulesTest {

    private static final List<Schema> ALL_TYPES = NamedTypes.reachableFrom(Topic.valueSchemas().values());

    @Test
    void taskStateHasAllFourteenMesosStatesAndFallsBackToUnknown() {
        Schema taskState = TaskState.getClassSchema();
        assertThat(taskState.getEnumSymbols()).containsExactly("TASK_STAGING", "TASK_STARTING", "TASK_RUNNING",
                "TASK_KILLING", "TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_ERROR", "TASK_LOST",
                "TASK_DROPPED", "TASK_UNREACHABLE", "TASK_GONE", "TASK_GONE_BY_OPERATOR", "TASK_UNKNOWN");
        assertThat(taskState.getEnumDefault()).isEqualTo("TASK_UNKNOWN");
    }

    @Test
    void everyEnumHasADefaultSymbol() {
        List<Schema> enums = ALL_TYPES.stream().filter(s -> s.getType() == Schema.Type.ENUM).toList();
        assertThat(enums).extracting(Schema::getName).contains("TaskState", "EventKind", "AppStatus", "SourceType");
        for (Schema enumType : enums) {
            assertThat(enumType.getEnumDefault()).as(enumType.getFullName()).isNotNull();
            assertThat(enumType.getEnumSymbols()).as(enumType.getFullName()).contains(enumType.getEnumDefault());
        }
    }

    @Test
    void everyTypeAndFieldIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        for (Schema type : ALL_TYPES) {
            if (isBlank(type.getDoc())) {
                undocumented.add(type.getFullName());
            }
            if (type.getType() == Schema.Type.RECORD) {
                type.getFields().stream().filter(f -> isBlank(f.doc()))
                        .forEach(f -> undocumented.add(type.getFullName() + "." + f.name()));
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void optionalValuesDefaultToNullAndCollectionsToEmpty() {
        List<String> violations = new ArrayList<>();
        for (Schema type : ALL_TYPES) {
            if (type.getType() != Schema.Type.RECORD) {
                continue;
            }
            for (Schema.Field field : type.getFields()) {
                Schema.Type fieldType = field.schema().getType();
                boolean optional = fieldType == Schema.Type.UNION
                        && field.schema().getTypes().get(0).getType() == Schema.Type.NULL;
                boolean collection = fieldType == Schema.Type.ARRAY || fieldType == Schema.Type.MAP;
                if (optional && field.defaultVal() != JsonProperties.NULL_VALUE
                        || collection && !field.hasDefaultValue()) {
                    violations.add(type.getName() + "." + field.name());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void idlFilesParseWithoutWarnings() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SchemasDir.get())) {
            files = list.filter(p -> p.toString().endsWith(".avdl")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            IdlFile idl = new IdlReader().parse(file);
            // e.g. a misplaced doc comment, which would silently drop documentation
            assertThat(idl.getWarnings()).as(file.getFileName().toString()).isEmpty();
        }
    }

    private static boolean isBlank(String doc) {
        return doc == null || doc.isBlank();
    }
}
