package io.mesosevents.model.schema;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Turns the location of an Avro compatibility problem into field names.
 *
 * <p>Avro's location mixes two schemas: {@code fields/<n>} counts fields of the reader record,
 * while a bare number selects a branch of the writer's union. So the walk follows reader and
 * writer side by side. Fields are joined with '.', array items add {@code []}, map values
 * {@code {}}, and a branch of a real union (not {@code [null, T]}) adds {@code [BranchName]}.
 */
final class FieldPath {

    private FieldPath() {
    }

    static String resolve(Schema reader, Schema writer, List<String> tokens, String root) {
        StringBuilder path = new StringBuilder(root);
        Schema r = reader;
        Schema w = writer;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("fields") && i + 1 < tokens.size() && r.getType() == Schema.Type.RECORD) {
                Schema.Field readerField = r.getFields().get(Integer.parseInt(tokens.get(++i)));
                path.append('.').append(readerField.name());
                Schema.Field writerField = w != null && w.getType() == Schema.Type.RECORD
                        ? SchemaCompatibility.lookupWriterField(w, readerField)
                        : null;
                r = readerField.schema();
                w = writerField == null ? null : writerField.schema();
            } else if (token.equals("items") && r.getType() == Schema.Type.ARRAY) {
                path.append("[]");
                r = r.getElementType();
                w = w != null && w.getType() == Schema.Type.ARRAY ? w.getElementType() : null;
            } else if (token.equals("values") && r.getType() == Schema.Type.MAP) {
                path.append("{}");
                r = r.getValueType();
                w = w != null && w.getType() == Schema.Type.MAP ? w.getValueType() : null;
            } else if (isIndex(token) && w != null && w.getType() == Schema.Type.UNION) {
                Schema branch = w.getTypes().get(Integer.parseInt(token));
                path.append(branchLabel(w, branch));
                w = branch;
            } else if (!token.equals("type")) {
                // "symbols", "name", "size": a property of the type reached so far.
                break;
            }
        }
        return path.toString();
    }

    /** How a branch of {@code union} shows in a path: nothing for the T of an optional {@code [null, T]}. */
    static String branchLabel(Schema union, Schema branch) {
        boolean optional = union.getTypes().size() == 2
                && union.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
        return optional ? "" : "[" + branch.getName() + "]";
    }

    static boolean isIndex(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }
}
