package cn.fengxing.support;

import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Reports filed through the API, as the rider app does: multipart with a phone photo (GPS in its EXIF). */
public final class Reports {

    private Reports() {
    }

    public static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.of(subject));
    }

    /** A rider's multipart submission with one phone photo; {@code key} the Idempotency-Key, or null. */
    public static RequestSpecification submission(String subject, String key, String category, double lon, double lat) {
        RequestSpecification r = as(subject)
                .multiPart("category", category)
                .multiPart("description", "井盖缺失，电动车容易掉进去")
                .multiPart("lon", String.valueOf(lon))
                .multiPart("lat", String.valueOf(lat))
                .multiPart("photos", "scene.jpg", Photos.jpegWithGps(2400, 1800, lon, lat), "image/jpeg");
        return key == null ? r : r.header("Idempotency-Key", key);
    }

    /** Files a report as the township's test rider; returns its id. */
    public static long file(String tenant, String category, double lon, double lat) {
        return submission(TestTenants.member(tenant, "rider"), UUID.randomUUID().toString(), category, lon, lat)
                .post("/api/t/" + tenant + "/reports").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Files a report through the API, then moves it into the past: filed at {@code filed} (Shanghai time), due
     * 10 minutes and 72 hours later, with the given further columns ({@code filed} in them: the filing time).
     */
    public static long filedAt(String tenant, String category, double lon, double lat, String filed,
                               String assignments) {
        long id = file(tenant, category, lon, lat);
        String at = "timestamptz '" + filed + "+08'";
        // "filed" in assignments is the new filing time (an UPDATE's created_at would be the old one)
        Db.strings("update report set created_at = " + at + ", dispatch_due = " + at + " + interval '10 minutes', "
                + "resolve_due = " + at + " + interval '72 hours'"
                + (assignments.isEmpty() ? "" : ", " + assignments.replace("filed", at))
                + " where id = " + id + " returning id");
        Db.strings("update report_event set at = " + at + " where report_id = " + id + " returning id");
        return id;
    }
}
