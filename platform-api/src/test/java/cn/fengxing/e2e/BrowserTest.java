package cn.fengxing.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in a real browser: runs the browser tests of web-ui/e2e (playwright-core driving the
 * machine's Chromium, signing in through the real Keycloak) against this API, which serves the
 * built UI, with the demo townships applied. Screenshots land in web-ui/target/screenshots.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class BrowserTest {

    static final Path WEB_UI = KeycloakProfile.PROJECT.resolve("web-ui");

    @TestHTTPResource("/")
    URL api;

    @Test
    void theBrowserTestsPass() throws IOException, InterruptedException {
        DemoTownships.apply(api);
        Path log = KeycloakProfile.PROJECT.resolve("platform-api/target/browser-tests.log");
        // -De2e.only=operator,epass runs only those files of web-ui/e2e (while working on them)
        String only = System.getProperty("e2e.only", "");
        List<String> command = new ArrayList<>(List.of("npm", "run", "e2e"));
        if (!only.isBlank()) {
            command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1"));
            for (String name : only.split(",")) {
                command.add("e2e/" + name.trim() + ".test.js");
            }
        }
        ProcessBuilder npm = new ProcessBuilder(command).directory(WEB_UI.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        npm.environment().put("FENGXING_BASE_URL", api.toString().replaceAll("/$", ""));
        npm.environment().put("FENGXING_ISSUER", KeycloakProfile.KeycloakResource.keycloak.issuer());
        Process process = npm.start();
        boolean finished = process.waitFor(20, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("browser tests finished within 20 minutes").isTrue();
        assertThat(process.exitValue()).as("browser tests (output above, also in %s)", log).isZero();
    }
}
