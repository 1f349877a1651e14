package io.mesosevents.cli.compose;

/** One entry of a service's {@code ports}: the host port (empty: any) published for a container port. */
record PortMapping(String hostPort, int containerPort) {

    /** Compose's short syntax: {@code "8080"}, {@code "9092:9092"}, {@code "127.0.0.1:8080:8080"}, with an optional {@code /tcp}. */
    static PortMapping parse(String shortSyntax) {
        String withoutProtocol = shortSyntax.replaceFirst("/(tcp|udp)$", "");
        int colon = withoutProtocol.lastIndexOf(':');
        String host = colon < 0 ? "" : withoutProtocol.substring(0, colon);
        return new PortMapping(host, Integer.parseInt(withoutProtocol.substring(colon + 1)));
    }
}
