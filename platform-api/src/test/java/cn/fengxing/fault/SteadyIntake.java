package cn.fengxing.fault;

import cn.fengxing.support.Filing;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Riders filing reports at a steady pace, each with its own Idempotency-Key, as the rider app's outbox does: a
 * filing that was not acknowledged (no answer, 503, 429) is sent again with the same key until it is, within a
 * deadline. Every answer is recorded.
 */
final class SteadyIntake implements AutoCloseable {

    /** One answer: HTTP status (0: no answer: refused, reset, timed out), its content type and Retry-After. */
    record Answer(long atNanos, int status, String contentType, String retryAfter, String body) {
    }

    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final String url;
    private final List<String> tokens;
    private final byte[] photo;
    private final double lon;
    private final double lat;
    private final int perRider;
    private final Duration pace;
    private final Duration deadline;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final ExecutorService riders;

    SteadyIntake(String url, List<String> tokens, byte[] photo, double lon, double lat, int perRider, Duration pace,
                 Duration deadline) {
        this.url = url;
        this.tokens = tokens;
        this.photo = photo;
        this.lon = lon;
        this.lat = lat;
        this.perRider = perRider;
        this.pace = pace;
        this.deadline = deadline;
        this.riders = Executors.newFixedThreadPool(tokens.size());
    }

    SteadyIntake start() {
        long until = System.nanoTime() + deadline.toNanos();
        for (String token : tokens) {
            riders.submit(() -> {
                for (int i = 0; i < perRider && System.nanoTime() < until; i++) {
                    fileUntilAcknowledged(token, "steady-" + UUID.randomUUID(), until);
                    pause(pace);
                }
            });
        }
        riders.shutdown();
        return this;
    }

    private void fileUntilAcknowledged(String token, String key, long until) {
        sent.add(key);
        while (System.nanoTime() < until) {
            Answer answer = send(token, key);
            answers.add(answer);
            if (answer.status() == 201 || answer.status() == 200) {
                acknowledged.add(key);
                return;
            }
            if (answer.status() != 0 && answer.status() != 503 && answer.status() != 429) {
                return; // not worth retrying: the test reports it
            }
            pause(RETRY_PAUSE);
        }
    }

    private Answer send(String token, String key) {
        try {
            HttpResponse<String> response = http.send(Filing.request(url, token, key, photo, lon, lat,
                    Duration.ofSeconds(20)), HttpResponse.BodyHandlers.ofString());
            return new Answer(System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (IOException e) {
            return new Answer(System.nanoTime(), 0, "", null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(System.nanoTime(), 0, "", null, e.toString());
        }
    }

    /** Waits until {@code n} filings are acknowledged (or the run ends). */
    void awaitAcknowledged(int n) throws InterruptedException {
        while (acknowledged.size() < n && !riders.isTerminated()) {
            Thread.sleep(10);
        }
    }

    /** Waits for every rider to finish; false if the deadline passed first. */
    boolean awaitEnd() throws InterruptedException {
        return riders.awaitTermination(deadline.toSeconds() + 30, TimeUnit.SECONDS);
    }

    Set<String> sent() {
        return sent;
    }

    Set<String> acknowledged() {
        return acknowledged;
    }

    List<Answer> answers() {
        return answers;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        riders.shutdownNow();
    }
}
