package io.mesosevents.bench;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logging adjustments of the views suite's child JVMs, on top of logback.xml. */
final class ViewsChildLogging {

    private static final String STANDBY_ASSIGNOR = "org.apache.kafka.streams.processor.internals.assignment.DefaultStandbyTaskAssignor";

    private ViewsChildLogging() {
    }

    /**
     * serve asks for one standby replica, which an instance alone in its group cannot hold: Kafka
     * Streams then warns once per task (dozens) at every rebalance, as expected here while a
     * measured application runs alone or a serving instance starts or stops before the other.
     */
    static void quietAloneInGroupWarnings() {
        Logger logger = LoggerFactory.getLogger(STANDBY_ASSIGNOR);
        if (logger instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.ERROR);
        }
    }
}
