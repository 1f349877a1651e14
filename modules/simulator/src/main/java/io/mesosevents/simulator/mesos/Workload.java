package io.mesosevents.simulator.mesos;

import org.apache.mesos.v1.Protos.HealthCheck;

/**
 * One kind of task a framework launches: a Marathon app, a Spark executor, a Kafka broker.
 *
 * @param taskName       {@code Task.name}
 * @param taskIdPrefix   task ids are this prefix, a UUID and {@code taskIdSuffix}, in the style of
 *                       the framework (Marathon: {@code prod_web_api.instance-<uuid>._app.1})
 * @param taskIdSuffix   see {@code taskIdPrefix}
 * @param healthCheck    the Mesos-native health check of the tasks, or null when unchecked; one
 *                       instance shared by all tasks of the workload
 * @param customExecutor whether tasks run under a custom executor (listed in {@code GET_EXECUTORS})
 *                       rather than the command executor
 */
record Workload(String taskName, String taskIdPrefix, String taskIdSuffix, HealthCheck healthCheck,
                boolean customExecutor) {

    boolean healthChecked() {
        return healthCheck != null;
    }
}
