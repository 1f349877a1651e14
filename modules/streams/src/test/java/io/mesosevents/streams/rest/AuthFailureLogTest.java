package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Wrong credentials warn at most once a minute, with the count since the last warning; missing ones do not warn. */
class AuthFailureLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(AuthFailureLog.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final AuthFailureLog failures = new AuthFailureLog(now::get);

    @BeforeEach
    void capture() {
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void release() {
        logger.detachAppender(events);
    }

    @Test
    void wrongCredentialsWarnAtMostOncePerInterval() {
        failures.rejected("GET", "/api/v1/tasks", "10.0.0.1", AuthCheck.Verdict.WRONG);
        for (int i = 0; i < 5; i++) {
            now.addAndGet(AuthFailureLog.WARN_INTERVAL.toNanos() / 10);
            failures.rejected("GET", "/metrics", "10.0.0.2", AuthCheck.Verdict.WRONG);
        }
        now.addAndGet(AuthFailureLog.WARN_INTERVAL.toNanos());
        failures.rejected("GET", "/openapi.json", "10.0.0.3", AuthCheck.Verdict.WRONG);

        assertThat(warnings()).containsExactly(
                "Rejected 1 request(s) with wrong credentials since the last warning, the latest GET /api/v1/tasks from 10.0.0.1",
                "Rejected 6 request(s) with wrong credentials since the last warning, the latest GET /openapi.json from 10.0.0.3");
    }

    @Test
    void missingCredentialsDoNotWarn() {
        for (int i = 0; i < 3; i++) {
            failures.rejected("GET", "/metrics", "10.0.0.2", AuthCheck.Verdict.MISSING);
        }

        assertThat(warnings()).isEmpty();
    }

    private List<String> warnings() {
        return events.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
