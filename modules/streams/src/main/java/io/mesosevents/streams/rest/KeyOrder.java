package io.mesosevents.streams.rest;

import java.util.Comparator;

/**
 * The order of store keys: by Unicode code point, which is the order of their UTF-8 bytes and so
 * the order in which a RocksDB store returns a range. {@link String#compareTo} compares UTF-16
 * units and disagrees for characters beyond U+FFFF, which would make merged pages skip or repeat rows.
 */
final class KeyOrder {

    static final Comparator<String> CODE_POINTS = KeyOrder::compare;

    private KeyOrder() {
    }

    static int compare(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }
}
