package cn.fengxing.identity;

import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The caller's name as GET /api/me gives it to every screen: Chinese names family name first. */
@QuarkusTest
class MeNameTest {

    private static void nameIs(Map<String, Object> claims, String expected) {
        given().auth().oauth2(Tokens.withClaims("me-name", claims)).get("/api/me").then().statusCode(200)
                .body("name", equalTo(expected));
    }

    @Test
    void aChineseNameFromItsPartsIsFamilyNameFirstWhateverTheNameClaimSays() {
        // Keycloak composes name as "firstName lastName"
        nameIs(Map.of("given_name", "建国", "family_name", "张", "name", "建国 张"), "张建国");
        nameIs(Map.of("given_name", "小龙", "family_name", "郑"), "郑小龙");
    }

    @Test
    void aWesternNameFromItsPartsIsGivenNameFirst() {
        nameIs(Map.of("given_name", "Ada", "family_name", "Lovelace", "name", "Lovelace Ada"), "Ada Lovelace");
    }

    @Test
    void aNameClaimAloneIsTakenAsItIs() {
        nameIs(Map.of("name", "欧阳娜娜"), "欧阳娜娜");
        nameIs(Map.of("name", "  ", "given_name", "娜娜"), "娜娜");
    }

    @Test
    void withoutProfileClaimsTheUsernameIsShown() {
        // generateJwtToken sets preferred_username to the subject
        nameIs(Map.of(), "me-name");
    }
}
