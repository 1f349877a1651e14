package io.mesosevents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard of `demo`, in a real headless Chromium: it lists the simulated Marathon's apps, follows
 * a scale done through Marathon's API without a reload, and shows the app as it was before the scale.
 */
class DashboardBrowserIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Pattern API = Pattern.compile("REST API:\\s+(http://\\S+)/api/v1/apps");
    private static final Pattern MARATHON = Pattern.compile("Simulated Marathon: (http://\\S+)");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDashboardFollowsTheClusterLiveAndShowsAnAppAsItWas(@TempDir Path dir) throws Exception {
        requireBrowser();
        // One change a second: the simulator's own random changes seldom touch the app the test scales.
        try (RunningCommand demo = RunningCommand.start(List.of("demo", "--data-dir", dir.resolve("data").toString(),
                "--http-port", Integer.toString(freePort()), "--kafka-port", "0", "--registry-port", "0", "--rate", "1"))) {
            String api = demo.awaitMatch(API);
            String marathon = demo.awaitMatch(MARATHON);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort().build();
            ChromeDriver browser = new ChromeDriver(service, options(dir.resolve("chromium")));
            try {
                browser.get(api + "/");
                Page page = new Page(browser);

                awaitTrue("the page lists every app of the simulated Marathon", page, () ->
                        page.appIds().containsAll(marathonAppIds(marathon)));

                JsonNode app = quietApp(marathon);
                String appId = app.get("id").asText();
                int before = app.get("instances").asInt();
                int after = before + 2;
                awaitTrue("the page shows " + appId + " with " + before + " instances", page,
                        () -> String.valueOf(before).equals(page.instances(appId)));
                awaitTrue("a click on " + appId + " shows its detail, live, with " + before + " instances", page, () -> {
                    if (!appId.equals(page.text("detail-id"))) {
                        page.row(appId).click();
                    }
                    return String.valueOf(before).equals(page.field("desiredInstances"));
                });
                Instant beforeScale = Instant.now();
                Thread.sleep(1_000);
                browser.executeScript("window.dashboardMarker = 'set before the scale'");

                scale(marathon, appId, after);

                awaitTrue("the page shows " + appId + " scaled to " + after + " instances, without a reload", page,
                        () -> String.valueOf(after).equals(page.instances(appId)));
                assertThat(browser.executeScript("return window.dashboardMarker")).as("a marker a reload would have wiped")
                        .isEqualTo("set before the scale");
                awaitTrue("the live detail follows the scale", page,
                        () -> String.valueOf(after).equals(page.field("desiredInstances")));

                page.asOf(beforeScale.toString());
                awaitTrue("the detail shows " + appId + " as of " + beforeScale + " with " + before + " instances", page,
                        () -> String.valueOf(before).equals(page.field("desiredInstances"))
                                && page.text("detail-mode").startsWith("as of"));
                assertThat(page.field("validFrom")).isNotBlank();
                assertThat(page.field("validTo")).as("the version before the scale ended").isNotEqualTo("still current");
                assertThat(page.instances(appId)).as("the app table stays live").isEqualTo(String.valueOf(after));

                page.asOf("not-a-time");
                awaitTrue("the API's message for a bad asOf is shown", page,
                        () -> !page.text("as-of-message").isBlank());
                assertThat(page.text("as-of-message")).startsWith("400");

                browser.findElement(By.id("as-of-live")).click();
                awaitTrue("back to live, the detail shows " + after + " instances", page,
                        () -> String.valueOf(after).equals(page.field("desiredInstances")));
                assertThat(browser.executeScript("return window.dashboardMarker")).isEqualTo("set before the scale");
            } finally {
                browser.quit();
                service.stop();
            }
        }
    }

    /** Fails on CI, which installs the browser (.ci/run); elsewhere skips the test with the reason. */
    private static void requireBrowser() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && System.getenv("CI") != null) {
            fail(CHROMIUM + " or " + CHROMEDRIVER + " is missing; CI installs the Debian packages chromium and chromium-driver");
        }
        assumeTrue(present, "the dashboard test needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver); skipped");
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        return options;
    }

    private Set<String> marathonAppIds(String marathon) throws IOException, InterruptedException {
        Set<String> ids = new TreeSet<>();
        marathonApps(marathon).forEach(app -> ids.add(app.get("id").asText()));
        return ids;
    }

    /** An app no deployment is changing, so that the scale is the only change the test waits for. */
    private JsonNode quietApp(String marathon) throws IOException, InterruptedException {
        for (JsonNode app : marathonApps(marathon)) {
            if (app.get("deployments").isEmpty() && app.get("instances").asInt() > 0) {
                return app;
            }
        }
        throw new AssertionError("no app of the simulated Marathon is without a deployment");
    }

    private JsonNode marathonApps(String marathon) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(marathon + "/v2/apps")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("apps");
    }

    private void scale(String marathon, String appId, int instances) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(marathon + "/v2/apps" + appId + "?force=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"instances\": " + instances + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** Polls {@code condition} until it holds or {@link #WAIT} passes; fails with what the page showed. */
    private static void awaitTrue(String what, Page page, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (RuntimeException e) {
                // The page re-renders its tables: an element read a moment ago may be gone.
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Within " + WAIT.toSeconds() + " s, expected: " + what + "; the page says: "
                + page.summary(), last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the test reads and does on the dashboard, through its element ids and data attributes. */
    private record Page(ChromeDriver browser) {

        Set<String> appIds() {
            List<?> ids = (List<?>) browser.executeScript(
                    "return [...document.querySelectorAll('#apps tbody tr[data-app-id]')].map(row => row.dataset.appId)");
            Set<String> result = new TreeSet<>();
            ids.forEach(id -> result.add(String.valueOf(id)));
            return result;
        }

        /** The instance count the app table shows for the app, or null when it has no row. */
        String instances(String appId) {
            return (String) browser.executeScript("const row = [...document.querySelectorAll('#apps tbody tr[data-app-id]')]"
                    + ".find(r => r.dataset.appId === arguments[0]); return row ? row.querySelector('.app-instances').textContent : null",
                    appId);
        }

        WebElement row(String appId) {
            for (WebElement row : browser.findElements(By.cssSelector("#apps tbody tr[data-app-id]"))) {
                if (appId.equals(row.getAttribute("data-app-id"))) {
                    return row;
                }
            }
            throw new AssertionError("no row for " + appId);
        }

        /** A field of the app detail, or null when it does not show it. */
        String field(String name) {
            return (String) browser.executeScript(
                    "const dd = document.querySelector('#detail-fields dd[data-field=\"' + arguments[0] + '\"]'); "
                            + "return dd ? dd.textContent : null", name);
        }

        String text(String id) {
            return Objects.toString(browser.executeScript("const e = document.getElementById(arguments[0]); "
                    + "return e ? e.textContent : null", id), "");
        }

        void asOf(String instant) {
            WebElement field = browser.findElement(By.id("as-of"));
            field.clear();
            field.sendKeys(instant);
            browser.findElement(By.id("as-of-show")).click();
        }

        String summary() {
            List<String> parts = new ArrayList<>();
            parts.add("connection=" + text("connection"));
            parts.add("notice=" + text("notice"));
            parts.add("apps=" + text("app-count"));
            parts.add("detail=" + text("detail-id") + " " + text("detail-mode") + " " + text("detail-fields"));
            parts.add("as-of-message=" + text("as-of-message"));
            return String.join("; ", parts);
        }
    }
}
