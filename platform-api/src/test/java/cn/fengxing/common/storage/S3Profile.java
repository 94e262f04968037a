package cn.fengxing.common.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The API with its photos in an S3-compatible bucket: Adobe S3Mock, run as its own process. */
public class S3Profile implements QuarkusTestProfile {

    static final String BUCKET = "fengxing-photos";
    static final String ACCESS_KEY = "fengxing";
    static final String SECRET_KEY = "fengxing-secret";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3MockResource.class));
    }

    public static class S3MockResource implements QuarkusTestResourceLifecycleManager {

        static URI endpoint;
        private Process process;

        @Override
        public Map<String, String> start() {
            Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar"));
            try {
                int port = freePort();
                Path log = Path.of("target/s3mock.log");
                Path data = Files.createTempDirectory("s3mock");
                process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-jar", jar.toString(), "--com.adobe.testing.s3mock.httpPort=" + port, "--server.port=" + freePort(),
                        "--com.adobe.testing.s3mock.store.root=" + data)
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                endpoint = URI.create("http://localhost:" + port);
                await(endpoint, Duration.ofSeconds(120));
                try (S3Client s3 = client()) {
                    s3.createBucket(b -> b.bucket(BUCKET));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot start S3Mock from " + jar, e);
            }
            return Map.of(
                    "fengxing.storage.kind", "s3",
                    "fengxing.storage.s3.endpoint", endpoint.toString(),
                    "fengxing.storage.s3.bucket", BUCKET,
                    "fengxing.storage.s3.access-key", ACCESS_KEY,
                    "fengxing.storage.s3.secret-key", SECRET_KEY);
        }

        /** A client of the running S3Mock, with the profile's credentials. */
        static S3Client client() {
            return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                    .endpointOverride(endpoint).forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                    .build();
        }

        private void await(URI uri, Duration timeout) {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Mock exited; see target/s3mock.log");
                }
                try {
                    if (http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new IllegalStateException("S3Mock not ready within " + timeout + "; see target/s3mock.log");
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }

        @Override
        public void stop() {
            if (process != null) {
                process.destroy();
                process = null;
            }
        }
    }
}
