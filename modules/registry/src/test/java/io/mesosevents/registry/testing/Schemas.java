package io.mesosevents.registry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/** Small Avro schemas for tests. */
public final class Schemas {

    private Schemas() {
    }

    /** Record {@code name} with one string field {@code a}. */
    public static Schema oneField(String name) {
        return SchemaBuilder.record(name).namespace("test").fields().requiredString("a").endRecord();
    }

    /** {@link #oneField} plus a field {@code b}, required (no default) or with default "x". */
    public static Schema twoFields(String name, boolean bHasDefault) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(name).namespace("test").fields().requiredString("a");
        return (bHasDefault ? fields.name("b").type().stringType().stringDefault("x") : fields.requiredString("b")).endRecord();
    }

    /** The version-1 User schema under src/test/resources. */
    public static Schema userV1() {
        try (InputStream in = Schemas.class.getResourceAsStream("/user-v1.avsc")) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
