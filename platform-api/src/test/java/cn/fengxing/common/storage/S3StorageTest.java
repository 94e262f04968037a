package cn.fengxing.common.storage;

import cn.fengxing.support.Db;
import cn.fengxing.support.Photos;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** With fengxing.storage.kind=s3, report photos go to the bucket (and not to the local directory). */
@QuarkusTest
@TestProfile(S3Profile.class)
class S3StorageTest {

    static final String T = "rp-s3";

    @Test
    void reportPhotosAreStoredInTheBucketAndServedFromIt() {
        TestTenants.onboard(T, 114.5, 26.5);
        Response filed = given().auth().oauth2(Tokens.of(TestTenants.member(T, "rider")))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .multiPart("category", "garbage").multiPart("description", "垃圾桶满溢")
                .multiPart("lon", "114.5").multiPart("lat", "26.5")
                .multiPart("photos", "scene.jpg", Photos.jpegWithGps(640, 480, 114.5, 26.5), "image/jpeg")
                .post("/api/t/" + T + "/reports");
        filed.then().statusCode(201);
        long id = filed.jsonPath().getLong("id");
        long photo = filed.jsonPath().getLong("photos[0].id");
        String key = Db.strings("select storage_key from report_photo where id = " + photo).get(0);

        try (S3Client s3 = S3Profile.S3MockResource.client()) {
            // the township's files are this report's photo and its thumbnail, under the township's code
            List<String> keys = s3.listObjectsV2(b -> b.bucket(S3Profile.BUCKET).prefix(T + "/"))
                    .contents().stream().map(S3Object::key).toList();
            assertThat(keys).containsExactlyInAnyOrder(key + ".jpg", key + "-thumb.jpg");
            byte[] inBucket = s3.getObjectAsBytes(b -> b.bucket(S3Profile.BUCKET).key(key + ".jpg")).asByteArray();
            byte[] served = given().auth().oauth2(Tokens.of(TestTenants.member(T, "rider")))
                    .get("/api/t/" + T + "/reports/" + id + "/photos/" + photo).then().statusCode(200)
                    .extract().asByteArray();
            assertThat(served).isEqualTo(inBucket);
            assertThat(Photos.metadata(inBucket)).doesNotContain("GPS");
        }
        assertThat(Files.exists(Path.of("target/blobs", key + ".jpg"))).isFalse();

        // the export carries the bucket's files; offboarding deletes them
        byte[] export = given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).get("/api/platform/tenants/" + T + "/export")
                .then().statusCode(200).extract().asByteArray();
        List<String> entries = new java.util.ArrayList<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(export))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(entries).contains("files/" + key + ".jpg", "files/" + key + "-thumb.jpg");
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).post("/api/platform/tenants/" + T + "/suspend").then()
                .statusCode(200);
        given().auth().oauth2(Tokens.of(Tokens.OPERATOR)).queryParam("confirm", T)
                .delete("/api/platform/tenants/" + T).then().statusCode(200).body("files", org.hamcrest.Matchers.equalTo(2));
        try (S3Client s3 = S3Profile.S3MockResource.client()) {
            assertThat(s3.listObjectsV2(b -> b.bucket(S3Profile.BUCKET).prefix(T + "/")).contents()).isEmpty();
        }
    }
}
