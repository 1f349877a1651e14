package io.mesosevents.cli.compose;

/** One entry of a service's {@code depends_on}. */
record Dependency(String service, String condition, boolean required) {
}
