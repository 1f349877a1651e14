package io.mesosevents.registry.server;

/** A version in a request path: a number from 1 up, or the latest version ({@code latest} or {@code -1}). */
record VersionSpec(int number) {

    static final VersionSpec LATEST = new VersionSpec(-1);

    boolean isLatest() {
        return number == -1;
    }

    /** Parses a path segment; 42202 for anything else. */
    static VersionSpec parse(String text) {
        if ("latest".equalsIgnoreCase(text)) {
            return LATEST;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= 1 || number == -1) {
                return new VersionSpec(number);
            }
        } catch (NumberFormatException e) {
            // Falls through to the registry's own error below.
        }
        throw RegistryError.invalidVersion(text);
    }
}
