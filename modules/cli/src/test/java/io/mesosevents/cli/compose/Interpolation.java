package io.mesosevents.cli.compose;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable interpolation ({@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}},
 * {@code ${NAME:?message}}, {@code $$}), so the tests see the values a container gets for a given
 * environment of {@code docker compose} — with an empty one, the file's defaults.
 */
final class Interpolation {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final Map<String, String> environment;

    Interpolation(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    String resolve(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(valueOf(matcher)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private String valueOf(Matcher variable) {
        if (variable.group().equals("$$")) {
            return "$";
        }
        String name = variable.group(1);
        String operator = variable.group(2);
        String value = environment.get(name);
        // ":" makes an empty value count as unset, as in the shell.
        boolean unset = value == null || (operator != null && operator.startsWith(":") && value.isEmpty());
        if (operator == null || !unset) {
            return value == null ? "" : value;
        }
        if (operator.endsWith("?")) {
            throw new IllegalArgumentException("Variable " + name + " is required: " + variable.group(3));
        }
        return variable.group(3);
    }
}
