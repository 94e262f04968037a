package cn.fengxing.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Small process, port and HTTP helpers shared by the local stack classes. */
final class Processes {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Processes() {
    }

    /** A port that was free a moment ago on the loopback interface. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Whether nothing listens on {@code port} (checks the wildcard address, as the servers bind it). */
    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The status of a GET, or -1 when nothing answers. */
    static int httpStatus(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + uri, e);
        }
    }

    /**
     * Polls {@code uri} until it answers 200. Fails early when {@code process} exits, and on timeout;
     * both failures carry the tail of {@code log}.
     */
    static void awaitHttpOk(String what, URI uri, Duration timeout, Process process, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (httpStatus(uri) == 200) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited with code " + process.exitValue()
                        + " before " + uri + " answered 200; log " + log + ":\n" + tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": " + uri + " did not answer 200 within "
                        + timeout.toSeconds() + " s; log " + log + ":\n" + tail(log, 40));
            }
            sleep(500);
        }
    }

    /**
     * Stops a process and everything it started: SIGTERM to the process and its descendants, waits up to
     * {@code grace}, then SIGKILL to whatever is left.
     */
    static void stopTree(ProcessHandle process, Duration grace) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(process);
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    // timed out: killed below
                }
            }
        }
        List<ProcessHandle> left = new ArrayList<>(tree);
        process.descendants().forEach(left::add);
        for (ProcessHandle handle : left) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : left) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // nothing more we can do
            }
        }
    }

    /** The last {@code lines} lines of a text file (read from its last 64 KiB), or a note when it cannot be read. */
    static String tail(Path file, int lines) {
        if (file == null || !Files.isReadable(file)) {
            return "(no log at " + file + ")";
        }
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, 64 * 1024);
            channel.position(size - length);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // fill
            }
            String[] split = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n", -1);
            int end = split.length > 0 && split[split.length - 1].isEmpty() ? split.length - 1 : split.length;
            return String.join("\n", java.util.Arrays.asList(split).subList(Math.max(0, end - lines), end));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** The java executable of the JDK running this JVM. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Writes a pid file (best effort). */
    static void writePid(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(pid) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // only used to clean up after a killed launcher
        }
    }

    static void deletePid(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // best effort
        }
    }

    /**
     * If {@code pidFile} names a live process whose command line contains {@code marker}, that process is a
     * leftover of a launcher that was killed without running its shutdown hook: stop it and its children.
     *
     * @return the pid that was stopped
     */
    static Optional<Long> stopLeftover(Path pidFile, String marker) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().isAlive()
                    && handle.get().info().commandLine().map(c -> c.contains(marker)).orElse(false)) {
                stopTree(handle.get(), Duration.ofSeconds(20));
                return Optional.of(pid);
            }
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        } finally {
            deletePid(pidFile);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
