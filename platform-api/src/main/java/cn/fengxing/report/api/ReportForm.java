package cn.fengxing.report.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/**
 * What a rider files (multipart form): category, where (WGS84, from the phone, adjusted on the map), what,
 * how urgent, and 1–3 photos from the camera.
 */
public class ReportForm {

    @RestForm
    @NotBlank
    @Size(max = 64)
    @Schema(example = "road_damage")
    public String category;

    @RestForm
    @NotBlank
    @ReadableText
    @Size(max = 1000)
    @Schema(example = "井盖缺失，电动车容易掉进去")
    public String description;

    @RestForm("lon")
    @NotNull
    @DecimalMin("-180")
    @DecimalMax("180")
    public Double lon;

    @RestForm("lat")
    @NotNull
    @DecimalMin("-90")
    @DecimalMax("90")
    public Double lat;

    @RestForm
    @ReadableText
    @Size(max = 300)
    public String address;

    @RestForm("urgent")
    @Schema(description = "The rider marks it urgent; urgent and emergency-stop categories are urgent anyway")
    public boolean urgent;

    @RestForm("outsideConfirmed") // named, so that a value that is not a boolean is refused naming it
    @Schema(description = "The rider confirmed the place after the API answered 422 outside-township: the point lies "
            + "outside every grid of the township")
    public boolean outsideConfirmed;

    @RestForm("photos")
    @Schema(description = "1–3 JPEG or PNG photos")
    public List<FileUpload> photos;
}
