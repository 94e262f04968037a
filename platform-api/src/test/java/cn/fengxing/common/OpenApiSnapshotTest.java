package cn.fengxing.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI's typed client is generated from {@code web-ui/src/api/openapi.json}. This test keeps
 * that snapshot equal to the live document, so an API change fails this build until the snapshot
 * is refreshed ({@code ./mvnw -pl platform-api test -Dtest=OpenApiSnapshotTest -Dopenapi.update=true}),
 * and then fails the UI's type check wherever the change breaks a screen.
 */
@QuarkusTest
class OpenApiSnapshotTest {

    static final Path SNAPSHOT = Path.of("../web-ui/src/api/openapi.json");

    @Test
    void theWebUisSnapshotIsTheLiveDocument() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode live = json.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        // the issuer URL is a deployment setting, not part of the contract
        ((ObjectNode) live.path("components").path("securitySchemes").path("oidc")).remove("openIdConnectUrl");
        // endpoints that exist only in tests (src/test) are not part of it either
        ((ObjectNode) live.path("paths")).remove(live.path("paths").propertyStream()
                .map(java.util.Map.Entry::getKey).filter(p -> p.startsWith("/api/test/")).toList());
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n";
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(SNAPSHOT, text, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SNAPSHOT, StandardCharsets.UTF_8))
                .as("web-ui/src/api/openapi.json is stale: rerun this test with -Dopenapi.update=true")
                .isEqualTo(text);
    }
}
