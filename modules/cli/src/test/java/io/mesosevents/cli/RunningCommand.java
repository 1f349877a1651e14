package io.mesosevents.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code java -jar mesos-events.jar …} process whose merged output is collected line by line. */
final class RunningCommand implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private RunningCommand(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collect, "command-output");
        reader.setDaemon(true);
        reader.start();
    }

    static RunningCommand start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("mesos-events.jar")));
        command.addAll(args);
        return new RunningCommand(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended; what was read is kept.
        }
    }

    /** The first group of {@code pattern} in the first line that matches, waiting for such a line. */
    String awaitMatch(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                for (String line : lines) {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                lines.wait(500);
            }
        }
        throw new AssertionError("No line matches " + pattern + "; output so far:\n" + String.join("\n", output()));
    }

    /** SIGKILL: no shutdown hook runs, as when the machine or the process dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    List<String> awaitLine(String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        synchronized (lines) {
            while (lines.stream().noneMatch(line -> line.contains(wanted))) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !process.isAlive() && lines.stream().noneMatch(line -> line.contains(wanted))) {
                    throw new AssertionError("No line containing '" + wanted + "'; output so far:\n" + String.join("\n", lines));
                }
                lines.wait(Math.min(left, 500));
            }
            return List.copyOf(lines);
        }
    }

    int stop() throws InterruptedException {
        // SIGTERM through the handle: Process.destroy() would also close the output pipe and lose the shutdown lines.
        process.toHandle().destroy();
        return awaitExit();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("Process did not exit; output:\n" + String.join("\n", output()));
        }
        return process.exitValue();
    }

    List<String> output() throws InterruptedException {
        // Give the reader thread a moment to drain what the exited process wrote last.
        Thread.sleep(200);
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
