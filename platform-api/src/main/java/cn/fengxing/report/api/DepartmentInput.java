package cn.fengxing.report.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A department 部门 as a tenant admin (or the manifest section {@code departments}) writes it. */
public record DepartmentInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = CategoryInput.CODE) @Schema(example = "fire") String code,
        @ReadableText @NotBlank @Size(max = 50) @Schema(example = "消防") String name,
        @Size(max = 20) List<@Valid @NotNull Contact> contacts,
        @Schema(description = "Default true") Boolean active) {

    public List<Contact> contactList() {
        return contacts == null ? List.of() : contacts;
    }

    public boolean isActive() {
        return active == null || active;
    }

    /** Whom to call in the department; duty says when, e.g. "24h" or "工作日 8:00-17:30". */
    public record Contact(@ReadableText @NotBlank @Size(max = 50) String name,
                          @NotBlank @Pattern(regexp = "^[0-9][0-9 -]{2,19}$") @Schema(example = "0358-1234567") String phone,
                          @ReadableText @Size(max = 50) @Schema(example = "24h") String duty) {
    }
}
