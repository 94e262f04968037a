package cn.fengxing.station;

import cn.fengxing.admin.ManifestLoader;
import cn.fengxing.support.Db;
import cn.fengxing.support.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The demo manifests' stations, merchants and points rewards pass the API's own checks (grades, amenities, services,
 * communities, keepers, E-station links, reward stations) and match the articles' counts. Applied under a test code,
 * without the grids and history files (the tenant-admin CLI inlines those).
 */
@QuarkusTest
class DemoStationsTest {

    static final Path DIR = Path.of("../deploy/demo/tenants");

    @ParameterizedTest
    @CsvSource({"ningxiang, 29, 0, 3", "beidajie, 9, 0, 5", "shanyang, 68, 16, 3", "yuetan, 58, 28, 0"})
    void demoStationsAndMerchantsApply(String code, int stations, int merchants, int rewards) throws IOException {
        ObjectNode manifest = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve(code + ".yaml").toFile());
        String test = "demo-" + code;
        manifest.put("code", test);
        manifest.remove("grids");
        ManifestLoader.HISTORY.forEach(manifest::remove);
        for (int round = 0; round < 2; round++) {
            given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).contentType(ContentType.JSON).body(manifest.toString())
                    .put("/api/platform/tenants/" + test).then().statusCode(200)
                    .body("outcome", equalTo(round == 0 ? "created" : "unchanged"));
        }
        assertThat(Db.count("select count(*) from station where tenant_id = '" + test + "'")).isEqualTo(stations);
        assertThat(Db.count("select count(*) from merchant where tenant_id = '" + test + "'")).isEqualTo(merchants);
        // the points rewards are collected at the township's own stations
        assertThat(Db.count("select count(*) from points_reward where tenant_id = '" + test + "'")).isEqualTo(rewards);
    }
}
