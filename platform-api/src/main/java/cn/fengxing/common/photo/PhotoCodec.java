package cn.fengxing.common.photo;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.UnaryOperator;

/**
 * The pixel work on a photo (reports, suggestions), kept on the fast paths of the JDK's JPEG codec and of Java2D (measured in the
 * intake benchmark). The codec decodes and encodes three bytes per pixel in red, green, blue order; an image in any
 * other layout (Java's usual blue, green, red included) is converted pixel by pixel on the way in and out, which
 * cost more than the decoding itself. So a JPEG is decoded straight into that order and encoded from it. Java2D, in
 * turn, scales blue, green, red images fast and red, green, blue ones slowly: those are scaled through a view of the
 * same bytes with red and blue trading places, which scaling, turning and flipping treat alike.
 */
final class PhotoCodec {

    private static final int[] CODEC_ORDER = {0, 1, 2};
    private static final ColorModel RGB = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false,
            false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);

    private PhotoCodec() {
    }

    /**
     * The reader's image, reading every {@code step}-th row and column, upright as its EXIF orientation says, in
     * three bytes per pixel with no alpha (a PNG's transparency is flattened).
     */
    static BufferedImage decode(ImageReader reader, int step) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        boolean jpeg = "jpeg".equalsIgnoreCase(reader.getFormatName());
        if (jpeg && isColour(reader)) {
            param.setDestination(codecImage(ceilDiv(reader.getWidth(0), step), ceilDiv(reader.getHeight(0), step)));
        }
        BufferedImage image = reader.read(0, param);
        // the EXIF orientation of a JPEG (none for a PNG, nor when the camera wrote none)
        Orientation orientation = jpeg ? ExifUtils.getExifOrientation(reader, 0) : null;
        boolean upright = orientation == null || orientation == Orientation.TOP_LEFT;
        if (upright && (inCodecOrder(image) || image.getType() == BufferedImage.TYPE_3BYTE_BGR)) {
            return image;
        }
        return transformed(image, upright ? b -> b.scale(1.0)
                : b -> b.scale(1.0).addFilter(ExifFilterUtils.getFilterForOrientation(orientation)));
    }

    /** The image scaled to fit a square of {@code side}; itself when it already fits (never enlarged). */
    static BufferedImage fitting(BufferedImage image, int side) throws IOException {
        if (image.getWidth() <= side && image.getHeight() <= side) {
            return image;
        }
        return transformed(image, b -> b.size(side, side).keepAspectRatio(true));
    }

    /** Written as a JPEG (quality 0.85) with no metadata at all: no EXIF, so no GPS and no camera. */
    static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.85f);
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A Thumbnailator step, out in three bytes per pixel; an image in the codec's order stays in it. */
    private static BufferedImage transformed(BufferedImage image,
                                             UnaryOperator<Thumbnails.Builder<BufferedImage>> step) throws IOException {
        boolean codecOrder = inCodecOrder(image);
        BufferedImage out = step.apply(Thumbnails.of(codecOrder ? swapped(image) : image)
                .imageType(BufferedImage.TYPE_3BYTE_BGR)).asBufferedImage();
        return codecOrder ? swapped(out) : out;
    }

    /** A colour JPEG (YCbCr or RGB) decodes to three bytes per pixel; grey and CMYK ones go the usual way. */
    private static boolean isColour(ImageReader reader) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        return types.hasNext() && types.next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR;
    }

    private static BufferedImage codecImage(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, width * 3, 3,
                CODEC_ORDER, null);
        return new BufferedImage(RGB, raster, false, null);
    }

    private static boolean inCodecOrder(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_CUSTOM
                && image.getSampleModel() instanceof PixelInterleavedSampleModel model
                && Arrays.equals(model.getBandOffsets(), CODEC_ORDER) && model.getPixelStride() == 3
                && image.getColorModel().equals(RGB);
    }

    /** The same bytes with the first and third band trading places: red, green, blue seen as blue, green, red. */
    private static BufferedImage swapped(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        PixelInterleavedSampleModel model = (PixelInterleavedSampleModel) raster.getSampleModel();
        int[] offsets = model.getBandOffsets();
        WritableRaster view = Raster.createInterleavedRaster((DataBufferByte) raster.getDataBuffer(),
                raster.getWidth(), raster.getHeight(), model.getScanlineStride(), 3,
                new int[]{offsets[2], offsets[1], offsets[0]}, null);
        return new BufferedImage(RGB, view, false, null);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
