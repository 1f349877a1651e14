package io.mesosevents.simulator.mesos;

import io.mesosevents.simulator.SimRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set with constant-time add, remove and random pick. The pick depends only on the order of
 * operations, never on hash codes, so a seeded model stays deterministic.
 */
final class IndexedSet<T> {

    private final List<T> elements = new ArrayList<>();
    private final Map<T, Integer> positions = new HashMap<>();

    void add(T element) {
        if (positions.putIfAbsent(element, elements.size()) == null) {
            elements.add(element);
        }
    }

    void remove(T element) {
        Integer position = positions.remove(element);
        if (position == null) {
            return;
        }
        T last = elements.remove(elements.size() - 1);
        if (position < elements.size()) {
            elements.set(position, last);
            positions.put(last, position);
        }
    }

    boolean contains(T element) {
        return positions.containsKey(element);
    }

    int size() {
        return elements.size();
    }

    boolean isEmpty() {
        return elements.isEmpty();
    }

    /** The element at {@code index}, from 0 to {@code size() - 1}; positions change as elements are removed. */
    T get(int index) {
        return elements.get(index);
    }

    T pick(SimRandom random) {
        return random.pick(elements);
    }
}
