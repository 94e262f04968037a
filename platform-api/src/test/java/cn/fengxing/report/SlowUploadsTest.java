package cn.fengxing.report;

import cn.fengxing.support.Db;
import cn.fengxing.support.Filing;
import cn.fengxing.support.Photos;
import cn.fengxing.support.Reports;
import cn.fengxing.support.TestTenants;
import cn.fengxing.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Riders on a weak mobile network send their photo slowly: many such uploads at once hold no thread another request
 * needs. While 40 uploads trickle in over about six seconds, a rider's list of reports answers as fast as without
 * them, and each slow upload is filed once it has arrived.
 */
@QuarkusTest
class SlowUploadsTest {

    static final String T = "slow-uploads";
    static final double LON = 113.7;
    static final double LAT = 34.7;
    static final int SLOW_CLIENTS = 40;
    static final int CHUNKS = 30;
    static final long CHUNK_PAUSE_MS = 200;

    @Test
    void slowUploadsHoldNothingOthersNeed() throws Exception {
        List<String> riders = java.util.stream.IntStream.range(0, SLOW_CLIENTS).mapToObj(i -> T + "-rider-" + i).toList();
        TestTenants.onboardWithRiders(T, LON, LAT, riders);
        String reader = TestTenants.member(T, "rider");
        byte[] photo = Photos.phonePhoto(800, 600, 3, LON, LAT);
        double[] quiet = readLatencies(reader, 30);

        ExecutorService slow = Executors.newFixedThreadPool(SLOW_CLIENTS);
        List<Future<String>> uploads = new ArrayList<>();
        long began = System.nanoTime();
        for (String rider : riders) {
            uploads.add(slow.submit(() -> trickle(rider, photo)));
        }
        Thread.sleep(500); // every upload has begun
        double[] meanwhile = readLatencies(reader, 30);
        boolean stillTrickling = uploads.stream().noneMatch(Future::isDone);
        List<String> statusLines = new ArrayList<>();
        for (Future<String> upload : uploads) {
            statusLines.add(upload.get(60, TimeUnit.SECONDS));
        }
        double uploadSeconds = (System.nanoTime() - began) / 1e9;
        slow.shutdown();

        System.out.printf("a rider's reports list: quiet p50 %.1f ms, max %.1f ms; during %d slow uploads p50 %.1f ms,"
                        + " max %.1f ms; the uploads took %.1f s%n", pct(quiet, 50), pct(quiet, 100), SLOW_CLIENTS,
                pct(meanwhile, 50), pct(meanwhile, 100), uploadSeconds);
        assertThat(stillTrickling).as("the reads were measured while every upload was still arriving").isTrue();
        assertThat(pct(meanwhile, 100)).as("slowest read during the slow uploads (ms)")
                .isLessThan(Math.max(1000, 10 * pct(quiet, 100)));
        assertThat(statusLines).as("each slow upload filed once it arrived")
                .allSatisfy(line -> assertThat(line).startsWith("HTTP/1.1 201"));
        assertThat(Db.count("select count(*) from report where tenant_id = '" + T + "'")).isEqualTo(SLOW_CLIENTS);
    }

    /** Sends a filing over a raw connection in {@link #CHUNKS} pieces with pauses; the status line of the answer. */
    private static String trickle(String rider, byte[] photo) throws Exception {
        String boundary = "slow" + UUID.randomUUID();
        byte[] body = Filing.multipart(boundary, photo, LON, LAT);
        String head = "POST /api/t/" + T + "/reports HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.of(rider) + "\r\n"
                + "Idempotency-Key: " + UUID.randomUUID() + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int chunk = (body.length + CHUNKS - 1) / CHUNKS;
            for (int offset = 0; offset < body.length; offset += chunk) {
                out.write(body, offset, Math.min(chunk, body.length - offset));
                out.flush();
                Thread.sleep(CHUNK_PAUSE_MS);
            }
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    /** Latencies (ms) of {@code n} reads of the rider's own reports, one after another. */
    private static double[] readLatencies(String rider, int n) {
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            Reports.as(rider).get("/api/t/" + T + "/reports/mine").then().statusCode(200);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
