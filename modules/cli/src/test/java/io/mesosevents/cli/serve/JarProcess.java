package io.mesosevents.cli.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java -jar mesos-events.jar …} with its own environment; its merged output is collected line by line. */
final class JarProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private JarProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collect, "jar-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static JarProcess start(List<String> args, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("mesos-events.jar")));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new JarProcess(builder.start());
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

    /** The first group of {@code pattern} in the first matching line, waiting up to 90 s for one. */
    String awaitMatch(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        synchronized (lines) {
            while (System.nanoTime() < deadline) {
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
            throw new AssertionError("No line matches " + pattern + "; output so far:\n" + String.join("\n", lines));
        }
    }

    /** Waits for the process to end; its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new AssertionError("still running; output so far:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it, then waits. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
