package io.mesosevents.ingestor.mesos;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.Attribute;

/**
 * Agent attributes as text, the form the schema fixes: scalars as plain numbers ("2", "0.5"),
 * ranges as "[31000-32000,33000-34000]", sets as "{ssd,gpu}", text verbatim.
 */
final class AttributeTexts {

    private AttributeTexts() {
    }

    /** Attributes by name, in the agent's order; of two attributes with one name the later wins, as a map allows one. */
    static Map<String, String> of(List<Attribute> attributes) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            texts.put(attribute.getName(), text(attribute));
        }
        return texts;
    }

    static String text(Attribute attribute) {
        // By presence, not by `type`, for the same reason as resources: exactly one value is set.
        if (attribute.hasText()) {
            return attribute.getText().getValue();
        }
        if (attribute.hasScalar()) {
            double value = attribute.getScalar().getValue();
            // BigDecimal drops the ".0" of whole numbers; it has no form for NaN or infinity.
            return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                    : Double.toString(value);
        }
        if (attribute.hasRanges()) {
            return attribute.getRanges().getRangeList().stream()
                    .map(range -> Long.toUnsignedString(range.getBegin()) + "-" + Long.toUnsignedString(range.getEnd()))
                    .collect(Collectors.joining(",", "[", "]"));
        }
        return attribute.getSet().getItemList().stream().collect(Collectors.joining(",", "{", "}"));
    }
}
