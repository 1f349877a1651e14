package io.mesosevents.model.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * Avro's reader/writer compatibility check, reported by field.
 *
 * <p>Avro reports any break inside a record that sits in a union (every optional record field
 * is one) only as "reader union lacking writer type" at the union. When the reader union still
 * has a branch with the writer branch's name, this class checks that pair too, so the report
 * names the field that actually broke (e.g. {@code MesosTaskEvent.status.reason}).
 */
public final class ReaderWriterCheck {

    /** A reader/writer pair being checked, with where it sits in the top-level reader schema. */
    private record Scope(Schema reader, Schema writer, String path, List<String> location) {
    }

    private ReaderWriterCheck() {
    }

    /** Everything that stops {@code reader} from reading data written with {@code writer}; empty if compatible. */
    public static List<FieldIncompatibility> incompatibilities(Schema reader, Schema writer) {
        List<FieldIncompatibility> found = new ArrayList<>();
        collect(new Scope(reader, writer, reader.getName(), List.of()), found);
        return List.copyOf(found);
    }

    private static void collect(Scope scope, List<FieldIncompatibility> found) {
        List<Incompatibility> incompatibilities = SchemaCompatibility
                .checkReaderWriterCompatibility(scope.reader(), scope.writer()).getResult().getIncompatibilities();
        for (Incompatibility incompatibility : incompatibilities) {
            List<String> tokens = tokens(incompatibility.getLocation());
            if (!drillIntoUnionBranch(scope, incompatibility, tokens, found)) {
                found.add(new FieldIncompatibility(incompatibility.getType().name(),
                        location(concat(scope.location(), tokens)),
                        FieldPath.resolve(scope.reader(), scope.writer(), tokens, scope.path()),
                        incompatibility.getMessage()));
            }
        }
    }

    /** Returns true if the problem was explained by checking the same-named union branches. */
    private static boolean drillIntoUnionBranch(Scope scope, Incompatibility incompatibility, List<String> tokens,
            List<FieldIncompatibility> found) {
        Schema readerUnion = incompatibility.getReaderFragment();
        if (incompatibility.getType() != SchemaIncompatibilityType.MISSING_UNION_BRANCH
                || readerUnion.getType() != Schema.Type.UNION) {
            return false;
        }
        Schema writerBranch = incompatibility.getWriterFragment();
        List<String> unionTokens = tokens;
        if (writerBranch.getType() == Schema.Type.UNION) {
            // Union against union: Avro's location ends with the index of the writer branch.
            if (tokens.isEmpty() || !FieldPath.isIndex(tokens.get(tokens.size() - 1))) {
                return false;
            }
            writerBranch = writerBranch.getTypes().get(Integer.parseInt(tokens.get(tokens.size() - 1)));
            unionTokens = tokens.subList(0, tokens.size() - 1);
        }
        Integer readerIndex = isNamed(writerBranch) ? readerUnion.getIndexNamed(writerBranch.getFullName()) : null;
        if (readerIndex == null) {
            return false;
        }
        Schema readerBranch = readerUnion.getTypes().get(readerIndex);
        String branchPath = FieldPath.resolve(scope.reader(), scope.writer(), unionTokens, scope.path())
                + FieldPath.branchLabel(readerUnion, readerBranch);
        List<String> branchLocation = concat(concat(scope.location(), unionTokens), List.of(readerIndex.toString()));
        int before = found.size();
        collect(new Scope(readerBranch, writerBranch, branchPath, branchLocation), found);
        return found.size() > before;
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    /** Avro locations are JSON pointers; Avro names never contain characters that need pointer escaping. */
    private static List<String> tokens(String location) {
        String trimmed = location.startsWith("/") ? location.substring(1) : location;
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/"));
    }

    private static String location(List<String> tokens) {
        return "/" + String.join("/", tokens);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
