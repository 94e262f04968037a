package cn.fengxing.audit.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;

public record AuditEntryView(long id, OffsetDateTime at,
                             @Schema(description = "Token subject of whoever acted; \"system\" for unattended work") String actor,
                             @Schema(description = "The actor's name in this township's membership; null if not a member")
                             String actorName,
                             @Schema(description = "member (actorName names them), operator (platform operations), "
                                     + "system (unattended work) or other")
                             ActorKind actorKind,
                             String action, String target, Map<String, Object> details) {
}
