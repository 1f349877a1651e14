package io.mesosevents.examples;

import io.mesosevents.model.state.AppStatus;
import io.mesosevents.model.state.AppView;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The apps as {@code state.apps} describes them: the latest value of every key, a key removed by its
 * tombstone. That is all a reader of a compacted state topic has to do to hold the whole table.
 */
public final class AppTable {

    private final Map<String, AppView> apps = new TreeMap<>();

    /** Applies one record: a value replaces the app's row, a null value (tombstone) deletes it. */
    public void apply(String key, AppView value) {
        if (value == null) {
            apps.remove(key);
        } else {
            apps.put(key, value);
        }
    }

    public Optional<AppView> get(String key) {
        return Optional.ofNullable(apps.get(key));
    }

    /** Every row by key ({@code <cluster>/<app id>}), in key order. */
    public Map<String, AppView> rows() {
        return Collections.unmodifiableMap(apps);
    }

    /** How many apps are in each status. */
    public Map<AppStatus, Integer> countByStatus() {
        Map<AppStatus, Integer> counts = new EnumMap<>(AppStatus.class);
        for (AppView app : apps.values()) {
            counts.merge(app.getStatus(), 1, Integer::sum);
        }
        return counts;
    }

    /** One line over the whole table: apps by status, tasks by phase. */
    public String summary() {
        int running = 0;
        int healthy = 0;
        int unhealthy = 0;
        int staged = 0;
        int failed = 0;
        for (AppView app : apps.values()) {
            running += app.getRunning();
            healthy += app.getHealthy();
            unhealthy += app.getUnhealthy();
            staged += app.getStaged();
            failed += app.getFailed();
        }
        StringBuilder line = new StringBuilder().append(apps.size()).append(" apps");
        countByStatus().forEach((status, count) -> line.append(", ").append(count).append(' ').append(status));
        return line.append("; tasks: ").append(running).append(" running (").append(healthy).append(" healthy, ")
                .append(unhealthy).append(" unhealthy), ").append(staged).append(" staged, ")
                .append(failed).append(" failed").toString();
    }
}
