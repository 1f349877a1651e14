package io.mesosevents.simulator.marathon;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What {@code /v2/apps} adds to each app on request ({@code ?embed=apps.tasks}). */
enum Embed {
    TASKS("tasks"),
    COUNTS("counts"),
    DEPLOYMENTS("deployments"),
    READINESS("readiness"),
    LAST_TASK_FAILURE("lasttaskfailure");

    private final String name;

    Embed(String name) {
        this.name = name;
    }

    /**
     * Reads {@code embed} values as Marathon does: with the {@code apps.} or {@code app.} prefix or
     * none, ignoring case; {@code failures} means tasks and the last failure; unknown values are ignored.
     */
    static Set<Embed> parse(Collection<String> values) {
        Set<Embed> embeds = EnumSet.noneOf(Embed.class);
        for (String value : values) {
            String name = value.toLowerCase(Locale.ROOT);
            name = name.startsWith("apps.") ? name.substring(5) : name.startsWith("app.") ? name.substring(4) : name;
            if (name.equals("failures")) {
                embeds.add(TASKS);
                embeds.add(LAST_TASK_FAILURE);
            }
            for (Embed embed : values()) {
                if (embed.name.equals(name)) {
                    embeds.add(embed);
                }
            }
        }
        return embeds;
    }
}
