package io.mesosevents.simulator.marathon;

/**
 * One task Marathon asks Mesos to run.
 *
 * @param taskId        Mesos task id, in Marathon's form (e.g. {@code prod_web.instance-<uuid>._app.1})
 * @param appId         the Marathon app id, e.g. {@code /prod/web}
 * @param appVersion    the app version (ISO-8601) the task runs
 * @param cpus          CPUs the task asks for
 * @param mem           memory in MB the task asks for
 * @param portCount     host ports the task needs
 * @param healthChecked whether the app has health checks, so updates carry {@code healthy}
 */
public record TaskLaunch(String taskId, String appId, String appVersion, double cpus, double mem, int portCount,
                         boolean healthChecked) {
}
