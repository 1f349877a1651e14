package io.mesosevents.simulator.mesos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The control endpoints an external scheduler drives its framework through, beside
 * {@code /simulator/faults} on every master of a simulated cluster (see {@link ExternalScheduler}):
 * <ul>
 *   <li>{@code POST /simulator/schedulers/{framework}}: takes the framework over (only
 *       {@code marathon}); answers {@link SchedulerTakeover}, {@code {"frameworkId": …, "master": "host:port"}};</li>
 *   <li>{@code POST /simulator/schedulers/{framework}/tasks} with a {@link LaunchRequest} as JSON:
 *       launches a task; answers 201 with {@link LaunchedTask};</li>
 *   <li>{@code POST /simulator/schedulers/{framework}/tasks/{taskId}/kill}: kills a task the
 *       scheduler launched; answers 202 with {@link KillOutcome}.</li>
 * </ul>
 * A refused call answers a 4xx with {@code {"error": …, "reason": …}} (see {@link SchedulerCallRefused.Reason}).
 */
final class SchedulerApi {

    static final String TAKE_OVER_PATH = "/simulator/schedulers/{framework}";
    static final String LAUNCH_PATH = TAKE_OVER_PATH + "/tasks";
    static final String KILL_PATH = LAUNCH_PATH + "/{taskId}/kill";

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerApi.class);

    private final ObjectMapper mapper = new ObjectMapper();
    private final Schedulers schedulers;

    SchedulerApi(Schedulers schedulers) {
        this.schedulers = schedulers;
    }

    void install(JavalinConfig config) {
        config.routes.post(TAKE_OVER_PATH, ctx -> answer(ctx, 200, () -> schedulers.takeOver(ctx.pathParam("framework"))));
        config.routes.post(LAUNCH_PATH, ctx -> answer(ctx, 201,
                () -> schedulers.launch(ctx.pathParam("framework"), launchRequest(ctx))));
        config.routes.post(KILL_PATH, ctx -> answer(ctx, 202,
                () -> schedulers.kill(ctx.pathParam("framework"), ctx.pathParam("taskId"))));
    }

    private void answer(Context ctx, int status, Supplier<Object> call) throws JsonProcessingException {
        Object answer;
        try {
            answer = call.get();
        } catch (SchedulerCallRefused e) {
            LOG.debug("Refused {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            json(ctx, e.reason().httpStatus(), Map.of("error", String.valueOf(e.getMessage()), "reason", e.reason().name()));
            return;
        }
        json(ctx, status, answer);
    }

    private LaunchRequest launchRequest(Context ctx) {
        LaunchRequest request;
        try {
            request = mapper.readValue(ctx.bodyAsBytes(), LaunchRequest.class);
        } catch (IOException e) {
            // A record that refuses its values fails inside Jackson; its own message says what is wrong.
            String message = e.getCause() instanceof IllegalArgumentException invalid ? invalid.getMessage() : e.getMessage();
            throw new SchedulerCallRefused(SchedulerCallRefused.Reason.INVALID, "Not a launch request: " + message);
        }
        if (request == null) {
            throw new SchedulerCallRefused(SchedulerCallRefused.Reason.INVALID, "Expected a JSON object");
        }
        return request;
    }

    private void json(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
    }
}
