package cn.fengxing.epass;

import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The demo township's 25 friendly communities, as deploy/demo/tenants/ningxiang.yaml lists them, pass the API's checks. */
@QuarkusTest
class DemoFriendlyCommunitiesTest {

    static final Path NINGXIANG = Path.of("..", "deploy", "demo", "tenants", "ningxiang.yaml");

    @Test
    @SuppressWarnings("unchecked")
    void ningxiangsFriendlyCommunitiesApplyOnceAndThenChangeNothing() throws IOException {
        Map<String, Object> demo = new YAMLMapper().readValue(NINGXIANG.toFile(), new TypeReference<>() {
        });
        Map<String, Object> manifest = new HashMap<>(TestTenants.manifest("ep-demo", 111.19, 37.36));
        List<Object> communities = new ArrayList<>((List<Object>) manifest.get("communities"));
        communities.addAll((List<Object>) demo.get("communities"));
        manifest.put("communities", communities);
        manifest.put("friendlyCommunities", demo.get("friendlyCommunities"));

        List<String> changes = given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/ep-demo").then().statusCode(200).extract().jsonPath().getList("changes");
        assertThat(changes).filteredOn(c -> c.startsWith("+ friendly community ")).hasSize(25);
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest)
                .put("/api/platform/tenants/ep-demo").then().statusCode(200).body("changes.size()", equalTo(0));
        given().auth().oauth2(Tokens.of(TestTenants.member("ep-demo", "rider"))).queryParam("size", 50)
                .get("/api/t/ep-demo/friendly-communities").then().statusCode(200).body("total", equalTo(25))
                .body("items.find { it.code == 'fc01' }.map.features.properties.kind", equalTo(List.of("entrance",
                        "entrance", "parking", "building", "unit", "unit", "building", "unit", "unit", "building", "unit",
                        "unit", "facility", "landmark")))
                .body("items.find { it.code == 'fc01' }.map.features.findAll { it.properties.kind == 'building' }"
                        + ".geometry.type", equalTo(List.of("Polygon", "Polygon", "Polygon")));
    }
}
