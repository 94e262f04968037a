package cn.fengxing.report.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/** A handling step with a note and up to three photos (multipart form): resolving a report. */
public class StepForm {

    @RestForm
    @ReadableText
    @Size(max = 1000)
    public String note;

    @RestForm("photos")
    public List<FileUpload> photos;
}
