package cn.fengxing.suggestion.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.common.photo.PhotoIntake;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.suggestion.api.AnswerInput;
import cn.fengxing.suggestion.api.DecisionInput;
import cn.fengxing.suggestion.api.SuggestionCategory;
import cn.fengxing.suggestion.api.SuggestionForm;
import cn.fengxing.suggestion.api.SuggestionInput;
import cn.fengxing.suggestion.api.SuggestionState;
import cn.fengxing.suggestion.api.SuggestionView;
import cn.fengxing.suggestion.service.Suggestions;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

/**
 * Suggestions 意见建议. Riders raise them; the duty desk (dispatchers) and admins record those raised at a forum and
 * answer them; only an admin decides whether one is adopted, a decision for the township, not the desk on duty.
 */
@Path("/api/t/{tenant}/suggestions")
@Tag(name = "Suggestions", description = "Suggestions 意见建议: riders raise them, the township answers and adopts them")
@SecurityRequirement(name = "oidc")
public class SuggestionResource {

    /** A suggestion carries one photo at most. */
    private static final int MAX_PHOTOS = 1;

    @Inject
    Suggestions suggestions;

    @Inject
    PhotoIntake photos;

    @Inject
    TenantContext tenant;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @TenantAccess(RIDER)
    @Operation(summary = "Raise a suggestion",
            description = "An active rider raises a suggestion: category, text (1–1000 characters) and at most one "
                    + "JPEG or PNG photo (form field photos, at most 10 MB; re-encoded without metadata). requestId "
                    + "(letters, digits, . _ : -) makes retries safe: the first request creates the suggestion (201), "
                    + "every retry returns the same one (200).")
    @APIResponse(responseCode = "201", description = "Raised",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the suggestion this request id already raised",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionView.class)))
    public Response raise(@PathParam("tenant") String tenantCode, @Valid @NotNull @BeanParam SuggestionForm form) {
        // a retry gets its suggestion back at once, without photo work
        Optional<SuggestionView> earlier = suggestions.raisedBefore(form.requestId);
        if (earlier.isPresent()) {
            return Response.ok(earlier.get()).build();
        }
        try {
            Suggestions.Raised raised = photos.withPhotos(form.photos, MAX_PHOTOS, tenant.code() + "/suggestions",
                    processed -> suggestions.raise(SuggestionCategory.valueOf(form.category), form.text,
                            form.requestId, processed));
            return Response.status(Response.Status.CREATED).entity(raised.suggestion()).build();
        } catch (Suggestions.Retried retried) {
            return Response.ok(retried.suggestion).build();
        }
    }

    @POST
    @Path("/forum")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Record a suggestion raised at a forum",
            description = "Staff record a suggestion raised at a forum 恳谈会, for a rider of the township (riderId) or "
                    + "for nobody named, optionally naming the forum's event (eventId). requestId as for raising: a "
                    + "retry records it once (201 first, 200 for a retry).")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the suggestion this request id already recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionView.class)))
    public Response record(@PathParam("tenant") String tenantCode, @Valid @NotNull SuggestionInput input) {
        Suggestions.Raised raised = suggestions.record(input);
        return Response.status(raised.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(raised.suggestion()).build();
    }

    @GET
    @Path("/mine")
    @TenantAccess(RIDER)
    @Operation(summary = "My suggestions",
            description = "The signed-in rider's suggestions (raised in the app or recorded for them at a forum), "
                    + "newest first, with state, answer and decision.")
    public Page<SuggestionView> mine(@PathParam("tenant") String tenantCode, @BeanParam PageRequest paging) {
        return suggestions.mine(paging.page(), paging.size());
    }

    @GET
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "List suggestions", description = "The township's suggestions, newest first, by state and category.")
    public Page<SuggestionView> list(@PathParam("tenant") String tenantCode,
                                     @QueryParam("state") @Pattern(regexp = "^(received|answered|adopted|not_adopted)$")
                                     @Parameter(schema = @Schema(type = SchemaType.STRING,
                                             enumeration = {"received", "answered", "adopted", "not_adopted"}))
                                     String state,
                                     @QueryParam("category")
                                     @Pattern(regexp = "^(work_conditions|rights|stations|delivery|community|other)$")
                                     @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {
                                             "work_conditions", "rights", "stations", "delivery", "community", "other"}))
                                     String category,
                                     @BeanParam PageRequest paging) {
        return suggestions.list(state == null ? null : SuggestionState.valueOf(state),
                category == null ? null : SuggestionCategory.valueOf(category), paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @TenantAccess({RIDER, DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Get a suggestion", description = "Staff see every one; a rider their own (404 otherwise).")
    public SuggestionView get(@PathParam("tenant") String tenantCode, @PathParam("id") long id) {
        return suggestions.get(id);
    }

    @GET
    @Path("/{id}/photo")
    @Produces("image/jpeg")
    @TenantAccess({RIDER, DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Get a suggestion's photo",
            description = "The stored JPEG (no metadata); size=thumb for the thumbnail. Same visibility as the "
                    + "suggestion; 404 when it has no photo.")
    @APIResponse(responseCode = "200", description = "The image",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response photo(@PathParam("tenant") String tenantCode, @PathParam("id") long id,
                          @QueryParam("size") @Pattern(regexp = "^(thumb|full)$") String size) {
        return Response.ok(suggestions.photo(id, "thumb".equals(size)))
                .header("Cache-Control", "private, max-age=86400, immutable").build();
    }

    @POST
    @Path("/{id}/answer")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Answer a suggestion",
            description = "The township's answer 答复 (1–1000 characters), which the rider reads with the answerer's "
                    + "name. 409 when it was answered already.")
    public SuggestionView answer(@PathParam("tenant") String tenantCode, @PathParam("id") long id,
                                 @Valid @NotNull AnswerInput input) {
        return suggestions.answer(id, input);
    }

    @POST
    @Path("/{id}/decision")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Adopt a suggestion or not",
            description = "An admin decides on an answered suggestion: adopted 已采纳, or not adopted 未采纳 with a note "
                    + "(required) the rider reads. 409 before it is answered or once decided.")
    public SuggestionView decide(@PathParam("tenant") String tenantCode, @PathParam("id") long id,
                                 @Valid @NotNull DecisionInput input) {
        return suggestions.decide(id, input);
    }
}
