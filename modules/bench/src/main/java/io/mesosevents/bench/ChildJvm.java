package io.mesosevents.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a JVM of its own, with this JVM's Java and class path. Its stderr goes to
 * ours; its stdout is read line by line, for reports. Closing it closes its stdin (which children
 * take as {@code stop}) and, if it does not end by itself, destroys it.
 */
final class ChildJvm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final PrintWriter stdin;
    // Empty once stdout ended: the child exited or closed it.
    private final BlockingQueue<Optional<String>> stdout = new LinkedBlockingQueue<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread pump = new Thread(this::pumpStdout, name + "-stdout");
        pump.setDaemon(true);
        pump.start();
    }

    static ChildJvm start(Class<?> mainClass, List<String> args) {
        return start(mainClass.getName(), args);
    }

    static ChildJvm start(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new ChildJvm(mainClass.substring(mainClass.lastIndexOf('.') + 1), process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a JVM for " + mainClass, e);
        }
    }

    void send(String command) {
        stdin.println(command);
    }

    /** The next stdout line that starts with {@code prefix}; the lines before it are passed on to our stdout. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> line = stdout.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException(name + " said no '" + prefix + "' line within " + timeout.toSeconds() + " s");
            }
            if (line.isEmpty()) {
                stdout.add(line);
                throw new IllegalStateException(name + " ended (exit code " + exitCode() + ") before saying '" + prefix + "'");
            }
            if (line.get().startsWith(prefix)) {
                return line.get();
            }
            System.out.println(line.get());
        }
    }

    /** Waits for the child to end and returns what it wrote to stdout; fails on a non-zero exit code. */
    List<String> awaitExit(Duration timeout) throws InterruptedException {
        stdin.close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not end within " + timeout.toSeconds() + " s");
        }
        List<String> lines = new ArrayList<>();
        for (Optional<String> line = stdout.take(); line.isPresent(); line = stdout.take()) {
            lines.add(line.get());
        }
        stdout.add(Optional.empty());
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + "; it said: " + lines);
        }
        return lines;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Asks the child to stop and waits for it; destroys it if it does not end in time or we are interrupted. */
    @Override
    public void close() {
        stdin.close();
        try {
            if (process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            LOG.warn("{} did not end within {} s of being asked to; destroying it", name, EXIT_GRACE.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    private String exitCode() {
        return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
    }

    private void pumpStdout() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                stdout.add(Optional.of(line));
            }
        } catch (IOException e) {
            LOG.warn("Reading the stdout of {} failed: {}", name, e.getMessage());
        } finally {
            stdout.add(Optional.empty());
        }
    }
}
