package cn.fengxing.suggestion.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/** What a rider raises in the app (multipart form): category, text, an optional photo and the request's id. */
public class SuggestionForm {

    @RestForm
    @NotBlank
    @Pattern(regexp = "^(work_conditions|rights|stations|delivery|community|other)$")
    @Schema(enumeration = {"work_conditions", "rights", "stations", "delivery", "community", "other"})
    public String category;

    @RestForm
    @NotBlank
    @ReadableText
    @Size(max = 1000)
    @Schema(example = "希望在城北商业街驿站加装几个充电柜，晚高峰排队太久")
    public String text;

    @RestForm
    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = SuggestionInput.REQUEST_ID)
    @Schema(description = "Any unique text per suggestion (e.g. a UUID): a retry raises it once")
    public String requestId;

    @RestForm("photos")
    @Schema(description = "At most one JPEG or PNG photo")
    public List<FileUpload> photos;
}
