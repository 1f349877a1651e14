package io.mesosevents.streams;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marathon names its Mesos tasks after the app: app {@code /prod/web} gets tasks
 * {@code prod_web.instance-<uuid>._app.<n>} (pods: {@code prod_db.instance-<uuid>.<container>})
 * belonging to instance {@code prod_web.marathon-<uuid>}. Marathon path segments may not contain
 * {@code '_'}, so the app id is recovered exactly. Only this form (Marathon 1.4 and later) is
 * read: the older {@code <app>.<uuid>} form is too easy to confuse with other frameworks' ids.
 */
final class MarathonTaskIds {

    private static final Pattern INSTANCE_TASK = Pattern.compile("^(.+?)\\.instance-([^.]+)(\\..+)?$");

    private MarathonTaskIds() {
    }

    /** The Marathon app or pod id a task id names, if it has Marathon's form. */
    static Optional<String> appId(String taskId) {
        Matcher task = INSTANCE_TASK.matcher(taskId);
        return task.matches() ? Optional.of("/" + task.group(1).replace('_', '/')) : Optional.empty();
    }

    /** The Marathon instance id of a task id in Marathon's form. */
    static Optional<String> instanceId(String taskId) {
        Matcher task = INSTANCE_TASK.matcher(taskId);
        return task.matches() ? Optional.of(task.group(1) + ".marathon-" + task.group(2)) : Optional.empty();
    }
}
