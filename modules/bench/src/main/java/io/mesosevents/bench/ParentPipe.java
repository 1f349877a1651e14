package io.mesosevents.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A child JVM's side of its conversation with the harness: commands arrive on stdin, one a line,
 * and reports leave on stdout. Logging goes to stderr (see logback.xml), so stdout carries reports only.
 */
final class ParentPipe {

    private final BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    /** The next command; {@code "stop"} when the harness closed stdin (it went away or is done). */
    String next() {
        try {
            String line = commands.readLine();
            return line == null ? "stop" : line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the harness's commands", e);
        }
    }

    void awaitStop() {
        while (!next().equals("stop")) {
            // Other commands are for other children.
        }
    }

    void say(ReportLine line) {
        System.out.println(line.format());
        System.out.flush();
    }
}
