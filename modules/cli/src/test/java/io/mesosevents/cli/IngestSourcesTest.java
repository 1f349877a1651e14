package io.mesosevents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which sources {@code ingest} reads when a deployment's environment leaves one of them empty. */
class IngestSourcesTest {

    private static final String[] ARGS = {"ingest", "--bootstrap-servers", "127.0.0.1:1", "--schema-registry", "http://127.0.0.1:1"};

    @Test
    void emptySourceVariablesMeanNoSourceRatherThanAnEmptyUrlList() {
        String errors = runCapturingErrors(Map.of("MESOS_EVENTS_MESOS", "", "MESOS_EVENTS_MARATHON", " "));

        assertThat(errors).contains("Nothing to ingest: give --mesos, --marathon or both");
    }

    private static String runCapturingErrors(Map<String, String> environment) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(ARGS, environment)).isEqualTo(ExitCodes.FAILURE);
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
