package io.mesosevents.replay.progress;

import java.io.PrintWriter;

/** The values of {@code --progress}: how a replay reports how far it is. */
public enum ProgressMode {
    /** A bar when the process talks to a terminal ({@link Terminals}), else log lines. */
    AUTO,
    /** Always the bar on stderr. */
    BAR,
    /** Always log lines. */
    LOG,
    /** Nothing but the final result. */
    NONE;

    /** Starts reporting {@code task} over {@code total} records, the bar drawn on {@code terminal}. */
    public Progress start(String task, long total, PrintWriter terminal) {
        return switch (this == AUTO ? (Terminals.isTerminal() ? BAR : LOG) : this) {
            case BAR -> new TerminalProgress(task, total, terminal, TerminalProgress.width());
            case LOG -> new LogProgress(task, total);
            default -> Progress.none();
        };
    }
}
