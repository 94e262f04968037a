package cn.fengxing.common.photo;

import cn.fengxing.common.config.FengxingConfig;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.support.Photos;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A photo's own work: upright as the camera meant it, large ones decoded at about the stored size, limits first. */
@QuarkusTest
class PhotoIntakeTest {

    @Inject
    PhotoIntake photos;

    @Inject
    FengxingConfig config;

    @Test
    void aPhotoTakenUprightIsStoredUpright() throws Exception {
        PhotoIntake.Encoded turned = photos.process("photo", Photos.jpegWithOrientation(2400, 1800, 6),
                config.reports());
        assertThat(turned.width()).isEqualTo(1440);
        assertThat(turned.height()).isEqualTo(1920);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(turned.image()));
        assertThat(stored.getWidth()).isEqualTo(1440);
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(turned.thumbnail()));
        assertThat(thumbnail.getHeight()).isGreaterThan(thumbnail.getWidth());
        assertOrangeCorner(turned.image());
        assertOrangeCorner(turned.thumbnail());
    }

    @Test
    void colourSurvivesDecodingScalingAndEncoding() throws Exception {
        // the codec's red, green, blue order and Java2D's blue, green, red meet in scaling: red stays red
        PhotoIntake.Encoded phone = photos.process("photo", Photos.jpeg(1600, 1200), config.reports());
        assertOrangeCorner(phone.image());
        assertOrangeCorner(phone.thumbnail());
        assertThat(ImageIO.read(new ByteArrayInputStream(phone.thumbnail())).getWidth()).isEqualTo(320);
        PhotoIntake.Encoded large = photos.process("photo", Photos.jpeg(3000, 2000), config.reports());
        assertThat(large.width()).isEqualTo(1920);
        assertOrangeCorner(large.image());
        assertOrangeCorner(large.thumbnail());
    }

    @Test
    void aGreyPhotoIsStored() throws Exception {
        PhotoIntake.Encoded grey = photos.process("photo", Photos.greyJpeg(2400, 1800), config.reports());
        assertThat(grey.width()).isEqualTo(1920);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(grey.image()));
        int rgb = stored.getRGB(2, 2);
        assertThat((rgb >> 16) & 0xff).isCloseTo(rgb & 0xff, within(6)).isCloseTo(0x80, within(12));
    }

    @Test
    void aVeryLargePhotoIsStoredAtTheStoredSize() throws Exception {
        // 12 megapixels: read every second row and column (2000 × 1500), then scaled to 1920
        PhotoIntake.Encoded large = photos.process("photo", Photos.jpeg(4000, 3000), config.reports());
        assertThat(large.width()).isEqualTo(1920);
        assertThat(large.height()).isEqualTo(1440);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(large.image()));
        assertThat(stored.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        // a photo already small is kept at its size, never enlarged
        assertThat(photos.process("photo", Photos.jpeg(1600, 1200), config.reports()).width()).isEqualTo(1600);
    }

    @Test
    void tooManyPixelsIsRefusedFromTheHeader() {
        // a small JPEG whose header claims 10000 × 5001: refused before anything is decoded
        assertThatThrownBy(() -> photos.process("photos[0]", claiming(Photos.jpeg(16, 16), 10000, 5001),
                config.reports()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors)
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("photos[0]");
                            assertThat(v.key()).isEqualTo("photo.too-many-pixels");
                        }));
    }

    @Test
    void aPngIsStoredAsAJpeg() throws Exception {
        PhotoIntake.Encoded png = photos.process("photo", Photos.png(800, 600), config.reports());
        assertThat(png.image()).startsWith((byte) 0xff, (byte) 0xd8);
        assertThat(ImageIO.read(new ByteArrayInputStream(png.image())).getWidth()).isEqualTo(800);
        assertOrangeCorner(png.image());
        assertOrangeCorner(png.thumbnail());
    }

    /** The test pictures are orange (#f5a623) around a dark circle; JPEG moves each channel a little at most. */
    private static void assertOrangeCorner(byte[] jpeg) throws Exception {
        int rgb = ImageIO.read(new ByteArrayInputStream(jpeg)).getRGB(2, 2);
        assertThat(new int[]{(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff})
                .satisfies(c -> assertThat(c[0]).isCloseTo(0xf5, within(12)))
                .satisfies(c -> assertThat(c[1]).isCloseTo(0xa6, within(12)))
                .satisfies(c -> assertThat(c[2]).isCloseTo(0x23, within(12)));
    }

    /** The JPEG with the size in its frame header (SOF0) replaced. */
    private static byte[] claiming(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        for (int i = 2; i + 9 < out.length; i++) {
            if ((out[i] & 0xff) == 0xff && (out[i + 1] & 0xff) == 0xc0) {
                out[i + 5] = (byte) (height >> 8);
                out[i + 6] = (byte) height;
                out[i + 7] = (byte) (width >> 8);
                out[i + 8] = (byte) width;
                return out;
            }
        }
        throw new IllegalStateException("no SOF0 marker");
    }
}
