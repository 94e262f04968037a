package cn.fengxing.support;

import cn.fengxing.tenancy.service.TenantKeys;
import cn.fengxing.tenancy.service.TenantWork;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;

/** Helpers for the scan-to-enter and discount tests: rider codes (fresh and expired), and a clean slate. */
public final class Scanning {

    private Scanning() {
    }

    /** The township rider's personal code, as the rider app shows it. */
    public static String riderCode(String tenant) {
        return given().auth().oauth2(Tokens.of(TestTenants.member(tenant, "rider")))
                .get("/api/t/" + tenant + "/rider/code").then().statusCode(200).extract().path("code");
    }

    /** A rider code of the township's rider, correctly signed but expired ten minutes ago. */
    public static String expiredRiderCode(TenantWork work, TenantKeys keys, String tenant) {
        long riderId = Db.count("select id from rider where tenant_id = '" + tenant + "'");
        return work.inTenant(tenant, () -> {
            JwtClaims claims = new JwtClaims();
            claims.setSubject(String.valueOf(riderId));
            claims.setClaim("typ", "rider");
            long now = System.currentTimeMillis() / 1000;
            claims.setIssuedAt(NumericDate.fromSeconds(now - 1200));
            claims.setExpirationTime(NumericDate.fromSeconds(now - 600));
            return keys.sign(tenant, claims);
        });
    }

    /** Removes the townships' stations, merchants and their logs, so each test starts with none. */
    public static void clear(String... tenants) {
        String in = "('" + String.join("','", tenants) + "')";
        try (Connection c = Db.superuser(); Statement st = c.createStatement()) {
            for (String table : new String[] {"merchant_discount_use", "merchant", "station_visit", "station",
                    "station_settings"}) {
                st.execute("delete from " + table + " where tenant_id in " + in);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
