package cn.fengxing.rider.api;

import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.PersonalData;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** A rider as every screen shows them: phone and ID number masked. */
public record RiderView(long id, String name,
                        @Schema(example = "138****5678") String phone,
                        @Schema(example = "110105********1234") String idNumber,
                        String platform, String depot, String status, Long squadId,
                        @Schema(description = "Whether the rider has signed in (imported riders have not until they register)")
                        boolean registered,
                        @JsonInclude(JsonInclude.Include.NON_NULL)
                        @Schema(description = "Present only when the township switched the field on") Boolean partyMember,
                        @JsonInclude(JsonInclude.Include.NON_NULL)
                        @Schema(description = "Present only when the township switched the field on") Boolean volunteer,
                        List<Long> gridIds, OffsetDateTime updatedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL)
                        @Schema(description = "Admin views only: the imported rider (same phone) this pending registration "
                                + "claims to be; approving it binds the person to that rider") ClaimedRider claims) {

    /** The imported rider a registration claims to be. */
    public record ClaimedRider(long id, String name) {
    }

    public static RiderView of(Rider r, RiderFields fields, List<Long> gridIds, ClaimedRider claims) {
        return new RiderView(r.id, r.name, PersonalData.maskPhone(r.phone), PersonalData.maskIdNumber(r.idNumber),
                r.platform, r.depot, r.status, r.squadId, r.subject != null,
                fields.partyMember() ? r.partyMember : null, fields.volunteer() ? r.volunteer : null,
                gridIds, r.updatedAt, claims);
    }
}
