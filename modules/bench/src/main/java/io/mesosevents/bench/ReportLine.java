package io.mesosevents.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One line a child JVM reports to the harness over its stdout: a tag, then {@code name=value}
 * pairs, e.g. {@code source events=998000 idle-ms=12}. Values hold no spaces.
 */
record ReportLine(String tag, Map<String, String> values) {

    ReportLine {
        // In the order given, so that a line reads as it was written.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static ReportLine parse(String line) {
        String[] words = line.strip().split(" ");
        Map<String, String> values = new LinkedHashMap<>();
        for (String word : Arrays.copyOfRange(words, 1, words.length)) {
            int equals = word.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Not a report line: " + line);
            }
            values.put(word.substring(0, equals), word.substring(equals + 1));
        }
        return new ReportLine(words[0], values);
    }

    long number(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("The child's '" + tag + "' report lacks " + name + ": " + values);
        }
        return Long.parseLong(value);
    }

    String format() {
        return tag + values.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
    }
}
