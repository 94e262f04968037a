package cn.fengxing.report.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/** The reporting rider's verdict on the fix (multipart form), a rating 1–5, an optional comment and photo. */
public class VerificationForm {

    @RestForm("fixed")
    @NotNull
    public Boolean fixed;

    @RestForm("rating")
    @Min(1)
    @Max(5)
    public Integer rating;

    @RestForm
    @ReadableText
    @Size(max = 1000)
    public String comment;

    @RestForm("photos")
    public List<FileUpload> photos;
}
