package io.mesosevents.replay.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.mesosevents.streams.rest.AvroJsonRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A view's rows as aligned columns of their main fields, for reading on a terminal. Fields are named
 * as in the rows' JSON (the REST API's), so a column shows exactly what the API would; the full rows
 * are in the {@code jsonl} format.
 */
public final class StateTable {

    /** A column: its header and the JSON pointer of its field in a rendered row. */
    record Column(String header, String pointer) {
    }

    private static final String ABSENT = "-";

    private final List<Column> columns;

    private StateTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The columns of {@code entity}'s table. */
    public static StateTable of(StateEntity entity) {
        return new StateTable(switch (entity) {
            case APPS -> List.of(column("CLUSTER", "cluster"), column("APP", "appId"), column("STATUS", "status"),
                    column("DESIRED", "desiredInstances"), column("STAGED", "staged"), column("RUNNING", "running"),
                    column("HEALTHY", "healthy"), column("UNHEALTHY", "unhealthy"), column("FAILED", "failed"),
                    column("VERSION", "version"));
            case TASKS -> List.of(column("CLUSTER", "cluster"), column("TASK", "taskId"), column("APP", "appId"),
                    column("STATE", "state"), column("HOST", "host"), column("HEALTHY", "healthy"),
                    column("STARTED", "started"), column("FINISHED", "finished"));
            case AGENTS -> List.of(column("CLUSTER", "cluster"), column("AGENT", "agentId"), column("HOSTNAME", "hostname"),
                    column("ACTIVE", "active"), column("STAGED", "tasks/staged"), column("RUNNING", "tasks/running"),
                    column("FINISHED", "tasks/finished"));
            case FRAMEWORKS -> List.of(column("CLUSTER", "cluster"), column("FRAMEWORK", "frameworkId"),
                    column("NAME", "name"), column("ACTIVE", "active"), column("CONNECTED", "connected"),
                    column("RUNNING", "tasks/running"), column("FINISHED", "tasks/finished"));
            case DEPLOYMENTS -> List.of(column("CLUSTER", "cluster"), column("DEPLOYMENT", "deploymentId"),
                    column("STATE", "state"), column("STEP", "currentStep"), column("STEPS", "totalSteps"),
                    column("APPS", "affectedApps"), column("STARTED", "started"), column("FINISHED", "finished"));
            case HEALTH -> List.of(column("CLUSTER", "cluster"), column("APP", "appId"), column("ALIVE", "aliveTasks"),
                    column("HEALTHY", "healthyTasks"), column("UNHEALTHY", "unhealthyTasks"),
                    column("UNKNOWN", "unknownTasks"), column("LAST FAILURE", "lastFailure"),
                    column("CAUSE", "lastFailureCause"));
        });
    }

    /** The header and one line per row, columns padded to their widest cell, ending with a line break. */
    public String render(List<ViewRow> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(columns.stream().map(Column::header).toList());
        for (ViewRow row : rows) {
            JsonNode json = AvroJsonRenderer.render(row.row());
            lines.add(columns.stream().map(column -> cell(json.at(column.pointer()))).toList());
        }
        int[] widths = new int[columns.size()];
        lines.forEach(line -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                out.append(i == widths.length - 1 ? line.get(i) : String.format("%-" + widths[i] + "s  ", line.get(i)));
            }
            text.append(out.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static Column column(String header, String field) {
        return new Column(header, "/" + field);
    }

    /** A field's text: arrays comma-separated, null or missing as {@value #ABSENT}. */
    private static String cell(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return ABSENT;
        }
        if (value.isArray()) {
            return value.isEmpty() ? ABSENT : StreamSupport.stream(value.spliterator(), false).map(StateTable::cell)
                    .collect(Collectors.joining(","));
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
