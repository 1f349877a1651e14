package io.mesosevents.model.schema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** Collects the records, enums and fixed types reachable from some schemas, each once, in first-seen depth-first order. */
public final class NamedTypes {

    private NamedTypes() {
    }

    public static List<Schema> reachableFrom(Collection<Schema> roots) {
        Map<String, Schema> byFullName = new LinkedHashMap<>();
        roots.forEach(root -> visit(root, byFullName));
        return List.copyOf(byFullName.values());
    }

    private static void visit(Schema schema, Map<String, Schema> byFullName) {
        switch (schema.getType()) {
            case RECORD -> {
                if (byFullName.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(field -> visit(field.schema(), byFullName));
                }
            }
            case ENUM, FIXED -> byFullName.putIfAbsent(schema.getFullName(), schema);
            case ARRAY -> visit(schema.getElementType(), byFullName);
            case MAP -> visit(schema.getValueType(), byFullName);
            case UNION -> schema.getTypes().forEach(branch -> visit(branch, byFullName));
            default -> {
                // primitives name no type
            }
        }
    }
}
