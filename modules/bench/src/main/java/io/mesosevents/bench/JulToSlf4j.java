package io.mesosevents.bench;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging through SLF4J, as the CLI does: protobuf warns through it about the
 * Mesos jar's old generated classes, once per message type, and logback.xml silences that.
 */
final class JulToSlf4j {

    private JulToSlf4j() {
    }

    static void install() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
