package cn.fengxing.pairing.api;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A look-in as the rider app sends it with a photo (multipart form): the fields of VisitInput and the photo. */
public class VisitForm {

    @RestForm
    @NotBlank
    @Pattern(regexp = VisitInput.OUTCOMES)
    @Schema(enumeration = {"ok", "garbage_not_out", "no_answer", "needs_help"})
    public String outcome;

    @RestForm
    @ReadableText
    @Size(max = 500)
    public String note;

    @RestForm
    @NotBlank
    @Size(max = 40)
    @Schema(description = "When the rider looked in (ISO instant, e.g. 2026-12-05T08:30:00Z)")
    public String visitedAt;

    @RestForm
    @NotBlank
    @Size(min = 8, max = 64)
    @Pattern(regexp = VisitInput.REQUEST_ID)
    @Schema(description = "The app's id of this visit (e.g. a UUID): a retry records it once")
    public String requestId;

    @RestForm("photo")
    @Schema(description = "At most one JPEG or PNG photo")
    public List<FileUpload> photo;

    /** The form's fields as the JSON body has them; a time that is not an ISO instant is a 400 naming it. */
    public VisitInput input() {
        try {
            return new VisitInput(outcome, note, OffsetDateTime.parse(visitedAt), requestId);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new Violation("visitedAt", "pairing.visit.time")));
        }
    }
}
