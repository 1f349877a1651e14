package io.mesosevents.replay.progress;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Whether the process talks to a terminal. On Java 17 to 21, {@link System#console()} is non-null
 * exactly when stdin and stdout are terminals, so a redirected stdout ({@code > file},
 * {@code | jq}) gives log lines. From Java 22 the console exists even without a terminal, and
 * {@code Console.isTerminal()} (new in 22, hence called reflectively to compile for 17) tells.
 * A {@code TERM=dumb} terminal cannot redraw a line, so it counts as none.
 */
public final class Terminals {

    private static final Method IS_TERMINAL = isTerminalMethod();

    private Terminals() {
    }

    public static boolean isTerminal() {
        return isTerminal(System.console(), System.getenv());
    }

    static boolean isTerminal(Console console, Map<String, String> environment) {
        if (console == null || "dumb".equals(environment.get("TERM"))) {
            return false;
        }
        if (IS_TERMINAL == null) {
            return true;
        }
        try {
            return (Boolean) IS_TERMINAL.invoke(console);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static Method isTerminalMethod() {
        try {
            return Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
