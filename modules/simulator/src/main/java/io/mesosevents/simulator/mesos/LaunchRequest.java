package io.mesosevents.simulator.mesos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A task an external scheduler asks the master to launch for its Marathon framework; also the JSON
 * body of {@code POST /simulator/schedulers/marathon/tasks}.
 *
 * @param taskId        Mesos task id, in Marathon's form (e.g. {@code prod_web.instance-<uuid>._app.1});
 *                      letters, digits and {@code . _ - :} only, so that it can stand in a URL path
 * @param appId         the Marathon app id, an absolute path such as {@code /prod/web}
 * @param appVersion    the app version (ISO-8601) the task runs
 * @param cpus          CPUs the task asks for
 * @param mem           memory in MB the task asks for
 * @param portCount     host ports the task needs from its agent's port range
 * @param healthChecked whether the app has health checks, so that the task's statuses carry {@code healthy}
 */
public record LaunchRequest(String taskId, String appId, String appVersion, double cpus, double mem, int portCount,
                            boolean healthChecked) {

    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern APP_ID = Pattern.compile("(/[A-Za-z0-9._-]+)+");

    public LaunchRequest {
        if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
            throw new IllegalArgumentException("taskId must be letters, digits and . _ - : only, was " + taskId);
        }
        if (appId == null || !APP_ID.matcher(appId).matches()) {
            throw new IllegalArgumentException("appId must be an absolute path such as /prod/web, was " + appId);
        }
        if (appVersion == null || appVersion.isBlank()) {
            throw new IllegalArgumentException("appVersion is required");
        }
        if (!(cpus > 0) || Double.isInfinite(cpus)) {
            throw new IllegalArgumentException("cpus must be positive, was " + cpus);
        }
        if (!(mem > 0) || Double.isInfinite(mem)) {
            throw new IllegalArgumentException("mem must be positive, was " + mem);
        }
        if (portCount < 0) {
            throw new IllegalArgumentException("portCount must not be negative, was " + portCount);
        }
    }

    /** The task's name as Marathon gives it: the app's path reversed, {@code /prod/web} → {@code web.prod}. */
    public String taskName() {
        List<String> segments = new ArrayList<>(List.of(appId.substring(1).split("/")));
        Collections.reverse(segments);
        return String.join(".", segments);
    }
}
