package cn.fengxing.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/README.md): Lighthouse's mobile performance audit of the rider home, report form and stations,
 * signed in as the demo rider, on this API serving the built UI with the real Keycloak and the demo townships
 * (web-ui/bench/lighthouse.js). Goals: score ≥ 90, ≤ 100 KB of JavaScript (gzip), CLS &lt; 0.1, and no trip through
 * the sign-in provider when a new tab opens.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class RiderPagesBench {

    @TestHTTPResource("/")
    URL api;

    @Test
    void riderPagesMeetTheirGoals() throws IOException, InterruptedException {
        DemoTownships.apply(api);
        Path out = KeycloakProfile.PROJECT.resolve("platform-api/target/bench");
        Files.createDirectories(out);
        Path log = out.resolve("rider-pages.log");
        ProcessBuilder node = new ProcessBuilder(List.of("node", "bench/lighthouse.js"))
                .directory(BrowserTest.WEB_UI.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("FENGXING_BASE_URL", api.toString().replaceAll("/$", ""));
        node.environment().put("FENGXING_ISSUER", KeycloakProfile.KeycloakResource.keycloak.issuer());
        node.environment().put("BENCH_REPORT", out.resolve("rider-pages.md").toString());
        node.environment().put("LIGHTHOUSE_PORT", String.valueOf(freePort()));
        Process process = node.start();
        boolean finished = process.waitFor(20, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.println(Files.readString(log, StandardCharsets.UTF_8));
        assertThat(finished).as("Lighthouse finished within 20 minutes").isTrue();
        assertThat(process.exitValue()).as("every rider page meets its goals (report above, also in %s)", log).isZero();
    }

    /** Chromium's remote debugging port for Lighthouse: any free one, so checkouts side by side do not collide. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
