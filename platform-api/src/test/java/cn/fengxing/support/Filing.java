package cn.fengxing.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** A rider app's report filing as raw HTTP (multipart, one photo, an Idempotency-Key), for load and fault runs. */
public final class Filing {

    private Filing() {
    }

    /** POST {@code url} (a township's /reports) as the bearer of {@code token}. */
    public static HttpRequest request(String url, String token, String idempotencyKey, byte[] photo, double lon,
                                      double lat, Duration timeout) {
        String boundary = "filing" + UUID.randomUUID();
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, photo, lon, lat))).build();
    }

    /** The form's body: category, description, position and the photo, between {@code boundary} lines. */
    public static byte[] multipart(String boundary, byte[] photo, double lon, double lat) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String[][] fields = {{"category", "garbage"}, {"description", "井盖缺失，电动车容易掉进去"},
                {"lon", String.valueOf(lon)}, {"lat", String.valueOf(lat)}};
        for (String[] f : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n"
                    + f[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"scene.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(photo);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
