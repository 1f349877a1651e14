package io.mesosevents.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadReplacingHandlerTest {

    @Test
    void aFailedThreadIsReplacedAndTheLineNamesTheRootCause() {
        StreamsException failure = new StreamsException("task 0_3 failed", new IllegalStateException("bad row",
                new IOException("disk full")));

        assertThat(new ThreadReplacingHandler().handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(ThreadReplacingHandler.causeChain(failure))
                .contains("task 0_3 failed").contains("bad row").contains("disk full").doesNotContain("\n");
    }
}
