package cn.fengxing.staff.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The staff roles a member holds from now on (the rider role, managed with the roster, stays as it is). */
public record StaffRoles(
        @NotEmpty @Size(max = 4) @Schema(description = "dispatcher, handler, station_keeper, tenant_admin")
        List<@NotBlank @Size(max = 32) String> roles) {
}
