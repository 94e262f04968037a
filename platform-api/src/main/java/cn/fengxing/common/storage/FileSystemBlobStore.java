package cn.fengxing.common.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.regex.Pattern;

/** Files under a directory ({@code fengxing.storage.directory}), written atomically (temporary file, then move). */
public class FileSystemBlobStore implements BlobStore {

    /** Platform-made keys only: path segments of letters, digits, '-', '_' and '.', no "..". */
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$");

    private static final String PARTIAL = ".upload-";

    private final Path root;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public void put(String key, byte[] bytes) {
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = partial(target);
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Path target = path(key);
            Files.deleteIfExists(target);
            // what a writer killed mid-write left (PendingBlobs deletes pending keys after such deaths)
            Files.deleteIfExists(partial(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        // the directory that holds every key of the prefix: its part up to the last '/'
        String dir = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
        Path start = dir.isEmpty() ? root : path(dir);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(key -> key.startsWith(prefix) && !key.contains("/" + PARTIAL))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + prefix, e);
        }
    }

    /** Where a file is written before it is moved into place: one per key, as keys are written once. */
    private static Path partial(Path target) {
        return target.resolveSibling(PARTIAL + target.getFileName());
    }

    private Path path(String key) {
        return root.resolve(checked(key));
    }

    /** The key, if it is one the platform makes; keys never come from clients, so anything else is a bug. */
    static String checked(String key) {
        if (!KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return key;
    }
}
