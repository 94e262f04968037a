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
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(picture(width, height), "jpg", plain);
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
