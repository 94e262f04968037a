package cn.fengxing.pairing.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.common.photo.PhotoIntake;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.pairing.api.VisitForm;
import cn.fengxing.pairing.api.VisitInput;
import cn.fengxing.pairing.api.VisitView;
import cn.fengxing.pairing.service.Visits;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;
import java.util.Optional;

import static cn.fengxing.identity.Role.RIDER;

/** A paired rider's look-ins 探访 at their elder. */
@Path("/api/t/{tenant}/pairing/mine/{id}/visits")
@Tag(name = "Care pairing", description = "Care pairing 捎带手: riders look in on lone elders")
@SecurityRequirement(name = "oidc")
public class VisitResource {

    static final int MAX_PHOTOS = 1;

    private static final String RECORD = "The paired rider records a look-in at their elder, as JSON or as a "
            + "multipart form (to add a photo): outcome ok, garbage_not_out, no_answer or needs_help; optional note "
            + "(at most 500 characters); visitedAt (ISO instant; at most 2 minutes ahead, at most 72 hours back: 400 "
            + "naming visitedAt); requestId (8–64 of letters, digits, . _ : -); at most one JPEG or PNG photo (form "
            + "field photo). The visit counts for the township day of visitedAt, which must lie within the pairing "
            + "(409 otherwise); 404 for a pairing that is not the caller's. needs_help raises an alert at once; "
            + "anomalous days in a row raise one when they reach the township's streak days. The first request "
            + "records the visit (201), every retry with its requestId returns the same visit (200).";

    @Inject
    Visits visits;

    @Inject
    PhotoIntake photos;

    @Inject
    TenantContext tenant;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @TenantAccess(RIDER)
    @Operation(summary = "Record a look-in", description = RECORD)
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the visit this request id already recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitView.class)))
    public Response recordWithPhoto(@PathParam("tenant") String tenantCode, @PathParam("id") long pairingId,
                                    @Valid @NotNull @BeanParam VisitForm form) {
        return record(pairingId, form.input(), form.photo);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @TenantAccess(RIDER)
    @Operation(summary = "Record a look-in", description = RECORD)
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the visit this request id already recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VisitView.class)))
    public Response recordPlain(@PathParam("tenant") String tenantCode, @PathParam("id") long pairingId,
                                @Valid @NotNull VisitInput input) {
        return record(pairingId, input, List.of());
    }

    private Response record(long pairingId, VisitInput input, List<FileUpload> photo) {
        // a retry gets its visit back at once, without photo work
        Optional<VisitView> earlier = visits.recordedBefore(input.requestId());
        if (earlier.isPresent()) {
            return Response.ok(earlier.get()).build();
        }
        try {
            Visits.Recorded recorded = photos.withPhotos(photo, MAX_PHOTOS, tenant.code() + "/pairing",
                    processed -> visits.record(pairingId, input, processed));
            return Response.status(Response.Status.CREATED).entity(recorded.visit()).build();
        } catch (Visits.Retried retried) {
            return Response.ok(retried.visit).build();
        }
    }

    @GET
    @TenantAccess(RIDER)
    @Operation(summary = "My look-ins at my elder",
            description = "The caller's visits within their pairing, newest first, paged; 404 for another's pairing.")
    public Page<VisitView> list(@PathParam("tenant") String tenantCode, @PathParam("id") long pairingId,
                                @BeanParam PageRequest paging) {
        return visits.mine(pairingId, paging.page(), paging.size());
    }
}
