package cn.fengxing.support;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Test photos as phones make them (JPEG with camera and GPS EXIF), and what a stored photo still carries. */
public final class Photos {

    private Photos() {
    }

    /** A JPEG of the given size whose EXIF names the camera and the GPS position. */
    public static byte[] jpegWithGps(int width, int height, double lon, double lat) {
        return withGps(picture(width, height), lon, lat);
    }

    /**
     * A photo as a phone app sends it: a scene with smooth shading and sensor noise (so it compresses like a real
     * picture, a few hundred KB at 1600×1200), JPEG, GPS in its EXIF; the same for the same seed.
     */
    public static byte[] phonePhoto(int width, int height, long seed, double lon, double lat) {
        java.util.Random random = new java.util.Random(seed);
        int cells = 12;
        float[][][] grid = new float[cells + 2][cells + 2][3];
        for (float[][] row : grid) {
            for (float[] cell : row) {
                for (int c = 0; c < 3; c++) {
                    cell[c] = 40 + random.nextFloat() * 180;
                }
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            float gy = (float) y / height * cells;
            int iy = (int) gy;
            float fy = gy - iy;
            for (int x = 0; x < width; x++) {
                float gx = (float) x / width * cells;
                int ix = (int) gx;
                float fx = gx - ix;
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    float top = grid[iy][ix][c] * (1 - fx) + grid[iy][ix + 1][c] * fx;
                    float bottom = grid[iy + 1][ix][c] * (1 - fx) + grid[iy + 1][ix + 1][c] * fx;
                    int v = Math.round(top * (1 - fy) + bottom * fy + (float) random.nextGaussian() * 6);
                    rgb = rgb << 8 | Math.max(0, Math.min(255, v));
                }
                image.setRGB(x, y, rgb);
            }
        }
        return withGps(image, lon, lat);
    }

    private static byte[] withGps(BufferedImage picture, double lon, double lat) {
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(picture, "jpg", plain);
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "FengxingTestPhone");
            exif.setGpsInDegrees(lon, lat);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, exif);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JPEG stored as the camera's sensor saw it, {@code width} × {@code height}, whose EXIF orientation says how to
     * turn it upright (6: a quarter turn clockwise, as a phone held upright writes it).
     */
    public static byte[] jpegWithOrientation(int width, int height, int orientation) {
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(picture(width, height), "jpg", plain);
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, exif);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain JPEG (no metadata) of the given size. */
    public static byte[] jpeg(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(picture(width, height), "jpg", out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A grey JPEG (one channel, mid grey), as some cameras and scanners write. */
    public static byte[] greyJpeg(int width, int height) {
        try {
            BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = grey.createGraphics();
            g.setColor(new Color(0x808080));
            g.fillRect(0, 0, width, height);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(grey, "jpg", out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(picture(width, height), "png", out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names of the metadata directories in an image, e.g. "GPS", "Exif IFD0", besides the image's own. */
    public static List<String> metadata(byte[] image) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
            List<String> names = new ArrayList<>();
            for (Directory d : metadata.getDirectories()) {
                names.add(d.getName());
            }
            return names;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xf5a623));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }
}
