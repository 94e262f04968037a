package cn.fengxing.support;

import io.restassured.RestAssured;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server-sent event stream of the API read as a browser's fetch() does (bearer token, no EventSource): the
 * response status at once, then its events and comments as they arrive, until closed.
 */
public final class EventStream implements AutoCloseable {

    /** One event: its name and its data lines joined. */
    public record Event(String name, String data) {
    }

    /** What arrived: an event, or a comment line (heartbeat). */
    public record Item(Event event, String comment) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        this.reader.setDaemon(true);
        if (response.statusCode() == 200) {
            reader.start();
        }
    }

    /** Opens {@code path} (e.g. /api/t/x/dispatch/stream) as {@code subject}; returns once the headers are in. */
    public static EventStream open(String subject, String path) {
        return openWithToken(Tokens.of(subject), path);
    }

    public static EventStream openWithToken(String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        try {
            return new EventStream(CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next event or comment that matches, waiting at most {@code timeout}; null when none came. */
    public Item next(Predicate<Item> matching, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            for (long left = timeout.toNanos(); left > 0; left = end - System.nanoTime()) {
                Item item = items.poll(left, TimeUnit.NANOSECONDS);
                if (item != null && matching.test(item)) {
                    return item;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** The next event named {@code name}, or null when none came in time. */
    public Event nextEvent(String name, Duration timeout) {
        Item item = next(i -> i.event() != null && name.equals(i.event().name()), timeout);
        return item == null ? null : item.event();
    }

    /** The next comment line, or null. */
    public String nextComment(Duration timeout) {
        Item item = next(i -> i.comment() != null, timeout);
        return item == null ? null : item.comment();
    }

    /** Everything that arrived within {@code timeout}. */
    public List<Item> drain(Duration timeout) {
        List<Item> all = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        Item item;
        while ((item = next(i -> true, Duration.ofNanos(Math.max(0, end - System.nanoTime())))) != null) {
            all.add(item);
        }
        return all;
    }

    /** Lines → items, per the SSE format: "event:", "data:" lines up to a blank line; ":" starts a comment. */
    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        items.add(new Item(new Event(name == null ? "message" : name, data.toString()), null));
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    items.add(new Item(null, line.substring(1).strip()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (IOException e) {
            // closed by the test, or the server ended the stream
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is going away either way
        }
        reader.interrupt();
    }
}
