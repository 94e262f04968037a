package cn.fengxing.rider;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.support.Db;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import cn.fengxing.tenancy.service.TenantWork;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** A rider's personal code: issued to the active rider, verified in the same township only. */
@QuarkusTest
class RiderCodeTest {

    @Inject
    RiderCodes codes;

    @Inject
    TenantWork work;

    @BeforeEach
    void townships() {
        TestTenants.onboard("code-a", 129.0, 31.0);
        TestTenants.onboard("code-b", 130.0, 31.0);
    }

    private String code(String tenant) {
        return given().auth().oauth2(Tokens.of(TestTenants.member(tenant, "rider"))).get("/api/t/" + tenant + "/rider/code")
                .then().statusCode(200).body("validSeconds", equalTo(600)).extract().path("code");
    }

    @Test
    void aScannedCodeNamesTheRiderInItsTownshipOnly() {
        String code = code("code-a");
        Rider rider = work.inTenant("code-a", () -> codes.verify(code));
        assertThat(rider.name).isEqualTo("code-a 骑手");
        assertThatThrownBy(() -> work.inTenant("code-b", () -> codes.verify(code)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.detailKey).isEqualTo("rider.code-invalid"));
        assertThatThrownBy(() -> work.inTenant("code-a", () -> codes.verify("not.a.code")))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void onlyAnActiveRiderGetsOrPassesACode() {
        String code = code("code-a");
        given().auth().oauth2(Tokens.of(TestTenants.admin("code-a"))).get("/api/t/code-a/rider/code").then().statusCode(403);
        try (var c = Db.superuser(); var st = c.createStatement()) {
            st.execute("update rider set status = 'suspended' where tenant_id = 'code-a'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThatThrownBy(() -> work.inTenant("code-a", () -> codes.verify(code))).isInstanceOf(ProblemException.class);
        given().auth().oauth2(Tokens.of(TestTenants.member("code-a", "rider"))).get("/api/t/code-a/rider/code")
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("suspended"));
    }
}
