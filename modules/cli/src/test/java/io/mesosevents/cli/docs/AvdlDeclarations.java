package io.mesosevents.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which {@code .avdl} file in {@code schemas/} declares each named type, by full name, in file and
 * declaration order.
 *
 * <p>The types themselves come from the model's compiled classes (avro-idl is not on this module's
 * classpath); this light scan of the sources only says where each type lives and lets the test
 * prove that no declared type is left out of the reference. It understands the file-level
 * {@code namespace} statement, which is all the schemas use; a type it would misplace makes that
 * test fail rather than go unnoticed.
 */
record AvdlDeclarations(Map<String, String> fileByFullName) {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern NAMESPACE = Pattern.compile("(?m)^\\s*namespace\\s+([\\w.]+)\\s*;");
    private static final Pattern DECLARATION = Pattern.compile("(?m)^\\s*(?:@\\w+\\([^)]*\\)\\s*)*(?:record|error|enum|fixed)\\s+(\\w+)");

    AvdlDeclarations {
        fileByFullName = Collections.unmodifiableMap(new LinkedHashMap<>(fileByFullName));
    }

    static AvdlDeclarations scan(Path schemasDir) {
        Map<String, String> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(schemasDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avdl")).sorted().toList()) {
                String source = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
                Matcher namespace = NAMESPACE.matcher(source);
                String prefix = namespace.find() ? namespace.group(1) + "." : "";
                Matcher declaration = DECLARATION.matcher(source);
                while (declaration.find()) {
                    found.put(prefix + declaration.group(1), file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AvdlDeclarations(found);
    }

    /** The file name (e.g. {@code mesos.avdl}) declaring this type, or {@code null} if none does. */
    String fileOf(String fullName) {
        return fileByFullName.get(fullName);
    }
}
