package cn.fengxing.common.photo;

import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.storage.BlobStore;
import cn.fengxing.common.storage.PendingBlobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Photos people upload (a report's, a suggestion's): only JPEG and PNG within the size limits; every photo is decoded
 * and written anew as a JPEG (EXIF orientation applied, then every metadata block, GPS included, left behind) with a
 * thumbnail, kept as two files in the blob store under one key ({@code .jpg} and {@code -thumb.jpg}). Decoding happens
 * before any transaction, so a bad photo changes nothing; the feature keeps its own rows naming the keys.
 */
@ApplicationScoped
public class PhotoIntake {

    /**
     * A photo ready to store: the re-encoded image and its thumbnail, and the key their files get (already
     * announced as pending, so a request killed before its rows commit leaves no file behind).
     */
    public record Processed(String key, byte[] image, byte[] thumbnail, int width, int height) {
    }

    /** One photo re-encoded, before it has a key. */
    public record Encoded(byte[] image, byte[] thumbnail, int width, int height) {
    }

    @Inject
    FengxingConfig config;

    @Inject
    BlobStore blobs;

    @Inject
    PendingBlobs pending;

    /** One permit per core: photos decoded and encoded at once (see process). */
    private final Semaphore working = new Semaphore(Runtime.getRuntime().availableProcessors());

    /**
     * Checks and re-encodes the uploaded photos (none is fine; more than {@code maxPhotos} or any bad one is a 400
     * problem naming it), then runs {@code work}, the request's transaction, which stores them. Called outside any
     * transaction: the photos' keys (under {@code folder}, e.g. the township's code and what they belong to) are
     * announced as pending in one of their own first, and forgotten again, files and all, if {@code work} fails.
     */
    public <T> T withPhotos(List<FileUpload> uploads, int maxPhotos, String folder,
                            Function<List<Processed>, T> work) {
        List<Processed> processed = process(uploads, maxPhotos, folder);
        try {
            return work.apply(processed);
        } catch (RuntimeException e) {
            // the transaction rolled back (a refused request changes nothing, pending keys included)
            pending.forget(fileKeys(processed));
            throw e;
        }
    }

    private List<Processed> process(List<FileUpload> uploads, int maxPhotos, String folder) {
        FengxingConfig.Reports limits = config.reports();
        List<FileUpload> files = uploads == null ? List.of() : uploads;
        if (files.size() > maxPhotos) {
            throw ProblemException.invalid(List.of(new Violation("photos", "photo.too-many", maxPhotos)));
        }
        List<Encoded> encoded = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String field = "photos[" + i + "]";
            try {
                if (files.get(i).size() > limits.maxPhotoBytes()) {
                    throw invalid(field, "photo.too-large", limits.maxPhotoBytes() / (1024 * 1024));
                }
                encoded.add(process(field, Files.readAllBytes(files.get(i).uploadedFile()), limits));
            } catch (ProblemException e) {
                violations.addAll(e.errors);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        // by month, so no directory of the file store grows without bound
        String monthFolder = folder + "/" + YearMonth.now(ZoneOffset.UTC) + "/";
        List<Processed> out = encoded.stream().map(e -> new Processed(monthFolder + UUID.randomUUID(), e.image(),
                e.thumbnail(), e.width(), e.height())).toList();
        pending.announce(fileKeys(out));
        return out;
    }

    private static List<String> fileKeys(List<Processed> photos) {
        return photos.stream().flatMap(p -> Stream.of(imageKey(p.key()), thumbnailKey(p.key()))).toList();
    }

    /** One photo's bytes checked and re-encoded (public for the intake benchmark's floor). */
    public Encoded process(String upload, byte[] bytes, FengxingConfig.Reports limits) {
        if (bytes.length == 0) {
            throw invalid(upload, "photo.empty");
        }
        if (bytes.length > limits.maxPhotoBytes()) {
            throw invalid(upload, "photo.too-large", limits.maxPhotoBytes() / (1024 * 1024));
        }
        if (!isJpeg(bytes) && !isPng(bytes)) {
            throw invalid(upload, "photo.type");
        }
        // photo work is CPU and memory bound: at most one photo per core at a time, the others wait their turn
        working.acquireUninterruptibly();
        try {
            // one decode for both sizes (subsampled when far larger than stored, EXIF orientation applied, alpha
            // flattened); the image is then only scaled where it must be
            BufferedImage image = PhotoCodec.fitting(decode(upload, bytes, limits), limits.photoSide());
            return new Encoded(PhotoCodec.jpeg(image), PhotoCodec.jpeg(PhotoCodec.fitting(image,
                    limits.thumbnailSide())), image.getWidth(), image.getHeight());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw invalid(upload, "photo.unreadable");
        } finally {
            working.release();
        }
    }

    /**
     * The photo decoded into three bytes per pixel, upright. Its header is checked first (the pixel limit, before any
     * pixel is decoded); a photo at least twice as large as stored photos is read skipping rows and columns (every
     * n-th), so decoding needs memory for about the stored size, not the original's: a 50-megapixel photo takes
     * 10 MB instead of 150 MB.
     */
    private static BufferedImage decode(String upload, byte[] bytes, FengxingConfig.Reports limits) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw invalid(upload, "photo.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > limits.maxPhotoPixels()) {
                    throw invalid(upload, "photo.too-many-pixels", limits.maxPhotoPixels() / 1_000_000);
                }
                return PhotoCodec.decode(reader, Math.max(1, Math.max(width, height) / limits.photoSide()));
            } finally {
                reader.dispose();
            }
        }
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static ProblemException invalid(String field, String key, Object... args) {
        return ProblemException.invalid(List.of(new Violation(field, key, args)));
    }

    /**
     * Writes the processed photos' files, within the transaction that writes the rows naming them: they are
     * removed again if it rolls back, so a failed request leaves no orphans.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<Processed> photos) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Processed p : photos) {
            files.put(imageKey(p.key()), p.image());
            files.put(thumbnailKey(p.key()), p.thumbnail());
        }
        pending.write(files);
    }

    /** The stored JPEG (or its thumbnail) of a photo's key; empty when its file is gone. */
    public Optional<byte[]> read(String key, boolean thumbnail) {
        return blobs.get(thumbnail ? thumbnailKey(key) : imageKey(key));
    }

    private static String imageKey(String key) {
        return key + ".jpg";
    }

    private static String thumbnailKey(String key) {
        return key + "-thumb.jpg";
    }
}
