package io.mesosevents.simulator.mesos;

import io.mesosevents.mesos.MesosEncoding;

import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the response encoding from an {@code Accept} header as a master does: JSON if it is
 * acceptable at all, else protobuf if that is, else none. No header accepts anything; otherwise a
 * media type takes the quality of the most specific range that matches it ({@code application/json}
 * over {@code application/*} over {@code *}{@code /*}), and quality 0 excludes.
 */
final class AcceptHeader {

    private AcceptHeader() {
    }

    static Optional<MesosEncoding> negotiate(String accept) {
        if (accepts(accept, MesosEncoding.JSON.mediaType())) {
            return Optional.of(MesosEncoding.JSON);
        }
        if (accepts(accept, MesosEncoding.PROTOBUF.mediaType())) {
            return Optional.of(MesosEncoding.PROTOBUF);
        }
        return Optional.empty();
    }

    static boolean accepts(String accept, String mediaType) {
        if (accept == null) {
            return true;
        }
        String[] wanted = mediaType.split("/", 2);
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : accept.split(",")) {
            String[] parameters = range.split(";");
            String[] type = parameters[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
            if (type.length != 2) {
                continue;
            }
            int specificity = specificity(type, wanted);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = quality(parameters);
            }
        }
        return quality > 0;
    }

    /** 2 for an exact match, 1 for {@code type/*}, 0 for {@code *}{@code /*}, -1 for no match. */
    private static int specificity(String[] range, String[] wanted) {
        if (range[0].equals("*") && range[1].equals("*")) {
            return 0;
        }
        if (!range[0].equals(wanted[0])) {
            return -1;
        }
        if (range[1].equals("*")) {
            return 1;
        }
        return range[1].equals(wanted[1]) ? 2 : -1;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String[] parameter = parameters[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                try {
                    return Double.parseDouble(parameter[1].trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
