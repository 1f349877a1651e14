package io.mesosevents.cli.compose;

/** One entry of a service's {@code volumes}: a named volume or host path mounted at {@code target}. */
record VolumeMount(String source, String target) {

    /** Compose's short syntax {@code source:target[:mode]}. */
    static VolumeMount parse(String shortSyntax) {
        String[] parts = shortSyntax.split(":");
        return parts.length == 1 ? new VolumeMount("", parts[0]) : new VolumeMount(parts[0], parts[1]);
    }

    /** A named volume rather than a path on the host. */
    boolean named() {
        return !source.isEmpty() && !source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~");
    }
}
