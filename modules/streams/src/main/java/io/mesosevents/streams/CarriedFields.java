package io.mesosevents.streams;

import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "Only what the event carries" for folds over Mesos records: an update may leave fields out,
 * which Avro gives as null or as an empty list or map, and such a field keeps the row's value.
 */
final class CarriedFields {

    private CarriedFields() {
    }

    static <T> void ifCarried(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    static <C extends Collection<?>> void ifNotEmpty(C values, Consumer<C> setter) {
        if (!values.isEmpty()) {
            setter.accept(values);
        }
    }

    static <M extends Map<?, ?>> void ifNotEmpty(M values, Consumer<M> setter) {
        if (!values.isEmpty()) {
            setter.accept(values);
        }
    }
}
