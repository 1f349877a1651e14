package io.mesosevents.model;

import io.mesosevents.model.schema.NamedTypes;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro load the model's generated classes.
 *
 * <p>Avro 1.12.2 validates every class it loads by name ({@link ClassSecurityValidator}) and by
 * default trusts only a few JDK classes, so the generated records fail as soon as a builder
 * fills in a default or a {@code SpecificDatumReader}/{@code Writer} resolves a nested record.
 * {@link #install()} adds trust for exactly the classes generated from {@code schemas/} (topic values
 * and {@link StoreRecords}, not
 * the whole package), keeping Avro's protection against classes named by foreign schemas.
 * Call it once at process start, before records are built or serialised; it is idempotent.
 * {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.mesosevents.model} has the same effect.
 */
public final class AvroClassTrust {

    private static final Set<String> GENERATED_CLASSES = NamedTypes.reachableFrom(
                    Stream.concat(Topic.valueSchemas().values().stream(), StoreRecords.schemas().stream()).toList())
            .stream().map(Schema::getFullName).collect(Collectors.toUnmodifiableSet());

    /** Trusts a class if and only if it was generated from the model's schemas. */
    public static final ClassSecurityPredicate MODEL_CLASSES = clazz -> GENERATED_CLASSES.contains(clazz.getName());

    private AvroClassTrust() {
    }

    /** Adds {@link #MODEL_CLASSES} to Avro's global class validator, unless the model is trusted already. */
    public static synchronized void install() {
        ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        if (!GENERATED_CLASSES.stream().allMatch(name -> trusts(current, name))) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current, MODEL_CLASSES));
        }
    }

    private static boolean trusts(ClassSecurityPredicate predicate, String className) {
        try {
            // Loaded without initialisation, as the validator requires.
            return predicate.isTrusted(Class.forName(className, false, AvroClassTrust.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("generated class missing from the model jar: " + className, e);
        }
    }
}
