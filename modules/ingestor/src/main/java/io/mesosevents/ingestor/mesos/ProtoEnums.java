package io.mesosevents.ingestor.mesos;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads proto2 enum fields without losing values that newer Mesos versions add.
 *
 * <p>Mesos' protos are proto2, whose enums are closed: a number the generated code does not know
 * is moved to the unknown field set, {@code hasX()} turns false and {@code getX()} returns the
 * first symbol ({@code TASK_STAGING} for a task state). Reading the getter would therefore report a
 * wrong, plausible value; this class reports the number instead.
 */
final class ProtoEnums {

    private ProtoEnums() {
    }

    /**
     * The symbol name of enum field {@code fieldNumber} of {@code message}; for a number this
     * version does not know, the number in decimal; empty when the field is absent.
     */
    static Optional<String> name(Message message, int fieldNumber) {
        FieldDescriptor field = message.getDescriptorForType().findFieldByNumber(fieldNumber);
        if (message.hasField(field)) {
            return Optional.of(((EnumValueDescriptor) message.getField(field)).getName());
        }
        UnknownFieldSet unknown = message.getUnknownFields();
        if (!unknown.hasField(fieldNumber)) {
            return Optional.empty();
        }
        List<Long> numbers = unknown.getField(fieldNumber).getVarintList();
        // Enum numbers are int32 on the wire; for a repeated scalar field proto2 keeps the last value.
        return numbers.isEmpty() ? Optional.empty()
                : Optional.of(String.valueOf((int) (long) numbers.get(numbers.size() - 1)));
    }

    /** The constant of {@code fallback}'s enum named {@code name}, else {@code fallback}. */
    static <E extends Enum<E>> E byName(Optional<String> name, E fallback) {
        return name.flatMap(n -> Arrays.stream(fallback.getDeclaringClass().getEnumConstants())
                        .filter(constant -> constant.name().equals(n))
                        .findFirst())
                .orElse(fallback);
    }
}
