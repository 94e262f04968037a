package cn.fengxing.pairing.api;

import cn.fengxing.common.text.ReadableText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An elder as staff write them: the community (code), the name (family name and given name), the address, where it
 * is on the map, phones (a mobile or a landline such as 010-6852-1001), the family contact, how a rider finds the
 * door, notes for staff.
 */
public record ElderInput(
        @NotBlank @Size(max = 32) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]*$")
        @Schema(description = "The community's code", example = "c01") String community,
        @NotBlank @Size(max = 20) @ReadableText @Schema(example = "王") String familyName,
        @NotBlank @Size(max = 20) @ReadableText @Schema(example = "秀兰") String givenName,
        @NotBlank @Size(max = 200) @ReadableText @Schema(example = "月坛西街3号院2号楼1单元101") String address,
        @DecimalMin("-180") @DecimalMax("180") Double lon,
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @Size(max = 20) @Pattern(regexp = PHONE) @Schema(example = "13812345678") String phone,
        @Size(max = 40) @ReadableText String familyContactName,
        @Size(max = 20) @Pattern(regexp = PHONE) String familyContactPhone,
        @Size(max = 200) @ReadableText @Schema(example = "楼下有红色信报箱") String landmark,
        @Size(max = 500) @ReadableText String notes) {

    /**
     * A mainland mobile (13812345678, +86 allowed) or a landline with its area code (010-6852-1001, 0351-1234567,
     * an extension after a further hyphen).
     */
    public static final String PHONE =
            "^((\\+86|0086)?1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[0-9]{3,4}-?[0-9]{4}(-[0-9]{1,6})?)$";
}
