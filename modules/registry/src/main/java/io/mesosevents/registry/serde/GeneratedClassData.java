package io.mesosevents.registry.serde;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro data model of one generated class: its logical-type conversions, and the generated
 * classes of the named types (records, enums, fixed) of its schema, resolved from the class's own
 * loader.
 *
 * <p>Since 1.12.2 Avro refuses to load classes named by a schema unless their package is
 * allow-listed by a system property (a guard against schemas from untrusted data instantiating
 * arbitrary classes). Here every class comes from a schema the application handed over itself, by
 * passing the generated class, so the guard has nothing to protect and no JVM-wide setting is
 * needed. Names outside that schema still go through Avro's guard.
 */
final class GeneratedClassData extends SpecificData {

    private final Map<String, Class<?>> generated = new HashMap<>();

    GeneratedClassData(Class<? extends SpecificRecord> type) {
        super(type.getClassLoader());
        SpecificData model = SpecificData.getForClass(type);
        model.getConversions().forEach(this::addLogicalTypeConversion);
        collect(model.getSchema(type), new HashSet<>());
    }

    /**
     * The generated class named {@code fullName}, if there is one on {@code loader}. The class is
     * checked to be a generated record before it is initialised, so a name taken from data can
     * only ever select a generated record.
     */
    static Optional<Class<? extends SpecificRecord>> forName(String fullName, ClassLoader loader) {
        try {
            Class<?> candidate = Class.forName(fullName, false, loader);
            return SpecificRecord.class.isAssignableFrom(candidate)
                    ? Optional.of(candidate.asSubclass(SpecificRecord.class))
                    : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        Class<?> known = generated.get(schema.getFullName());
        return known != null ? known : super.getClass(schema);
    }

    private void collect(Schema schema, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                load(schema);
                if (schema.getType() == Schema.Type.RECORD) {
                    schema.getFields().forEach(field -> collect(field.schema(), seen));
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, seen));
            case ARRAY -> collect(schema.getElementType(), seen);
            case MAP -> collect(schema.getValueType(), seen);
            default -> {
                // Primitive types have no class of their own.
            }
        }
    }

    private void load(Schema named) {
        try {
            generated.put(named.getFullName(), Class.forName(getClassName(named), false, getClassLoader()));
        } catch (ClassNotFoundException e) {
            // No generated class (a fixed or enum read generically): Avro falls back to its generic types.
        }
    }
}
