package io.mesosevents.cli.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile's instructions grouped by build stage: enough to follow what the build stage makes
 * and what the final stage copies and runs.
 */
record Dockerfile(List<Stage> stages) {

    /** One instruction: its keyword (upper case) and its arguments, continuation lines joined. */
    record Instruction(String keyword, String arguments) {
    }

    /** A {@code FROM image [AS name]} and the instructions up to the next {@code FROM}. */
    record Stage(String image, Optional<String> name, List<Instruction> instructions) {

        List<String> arguments(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        }

        /** The last {@code WORKDIR}, where relative paths of the stage point. */
        String workdir() {
            List<String> workdirs = arguments("WORKDIR");
            return workdirs.isEmpty() ? "/" : workdirs.get(workdirs.size() - 1);
        }
    }

    static Dockerfile read(Path path) throws IOException {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> instructions = null;
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(path)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String[] parts = pending.toString().strip().split("\\s+", 2);
            pending.setLength(0);
            Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                String[] from = instruction.arguments().split("\\s+");
                instructions = new ArrayList<>();
                stages.add(new Stage(from[0], from.length >= 3 && from[1].equalsIgnoreCase("AS") ? Optional.of(from[2]) : Optional.empty(),
                        instructions));
            } else if (instructions != null) {
                instructions.add(instruction);
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(Optional.of(name))).findFirst()
                .orElseThrow(() -> new AssertionError("The Dockerfile has no stage " + name));
    }
}
