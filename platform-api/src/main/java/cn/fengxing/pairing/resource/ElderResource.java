package cn.fengxing.pairing.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.common.photo.PhotoIntake;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.pairing.api.ElderDeactivation;
import cn.fengxing.pairing.api.ElderDetail;
import cn.fengxing.pairing.api.ElderImportResult;
import cn.fengxing.pairing.api.ElderInput;
import cn.fengxing.pairing.api.ElderSummary;
import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.pairing.service.CommunityStaff;
import cn.fengxing.pairing.service.ElderImport;
import cn.fengxing.pairing.service.Elders;
import cn.fengxing.pairing.service.Pairings;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.RosterFile;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

/**
 * Lone elders 独居老人 of care pairing 捎带手, for the township's admins (every community) and grid workers (their
 * communities; another community's elder is a 404). Names, address, phones and family contact are masked but in
 * the audited reveal.
 */
@Path("/api/t/{tenant}/pairing/elders")
@Tag(name = "Care pairing", description = "Care pairing 捎带手: riders look in on lone elders")
@SecurityRequirement(name = "oidc")
public class ElderResource {

    static final String COMMUNITY = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    Elders elders;

    @Inject
    ElderImport imports;

    @Inject
    Pairings pairings;

    @Inject
    CommunityStaff staff;

    @Inject
    PhotoIntake photos;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @GET
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "List elders",
            description = "Elders of the communities the caller looks after (an admin: all), by community and name; "
                    + "community (code) filters, q finds a name or address. Masked.")
    public Page<ElderSummary> list(@PathParam("tenant") String tenantCode,
                                   @QueryParam("community") @Pattern(regexp = COMMUNITY) String community,
                                   @QueryParam("q") @Size(max = 50) String q, @BeanParam PageRequest paging) {
        return elders.list(community, q, paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "Get an elder", description = "One elder, masked; 404 outside the caller's communities.")
    public ElderSummary get(@PathParam("tenant") String tenantCode, @PathParam("id") long id) {
        return elders.get(id);
    }

    @POST
    @Path("/{id}/reveal")
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "Reveal an elder",
            description = "The elder whole: name, address, phone, family contact, notes. Every reveal is audited "
                    + "(pairing.elder.reveal: who, which elder).")
    public ElderDetail reveal(@PathParam("tenant") String tenantCode, @PathParam("id") long id) {
        return elders.reveal(id);
    }

    @POST
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "Add an elder",
            description = "In a community the caller looks after (400 otherwise). Answers 201 with the elder, masked.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ElderSummary.class)))
    public Response create(@PathParam("tenant") String tenantCode, @Valid @NotNull ElderInput input) {
        return Response.status(Response.Status.CREATED).entity(elders.create(input)).build();
    }

    @PUT
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "Change an elder", description = "Replaces the elder's fields; audited. Answers it masked.")
    public ElderSummary update(@PathParam("tenant") String tenantCode, @PathParam("id") long id,
                               @Valid @NotNull ElderInput input) {
        return elders.update(id, input);
    }

    @POST
    @Path("/{id}/deactivate")
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "Stop look-ins for an elder",
            description = "Moved away, in care, passed away: the elder is inactive, a current pairing ends today. "
                    + "Audited with the reason; 409 when already inactive.")
    public ElderSummary deactivate(@PathParam("tenant") String tenantCode, @PathParam("id") long id,
                                   @Valid @NotNull ElderDeactivation input) {
        return elders.deactivate(id, input.reason());
    }

    @PUT
    @Path("/{id}/door-photo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "Set the door photo",
            description = "A JPEG or PNG photo of the elder's door (form field photo, at most 10 MB; re-encoded "
                    + "without metadata), so the paired rider finds it.")
    public ElderSummary doorPhoto(@PathParam("tenant") String tenantCode, @PathParam("id") long id,
                                  @RestForm("photo") FileUpload photo) {
        if (photo == null) {
            throw ProblemException.badRequest("pairing.elder.door-photo-missing");
        }
        elders.checkWritable(id);
        return photos.withPhotos(List.of(photo), 1, tenant.code() + "/elders",
                processed -> elders.doorPhoto(id, processed.get(0)));
    }

    @GET
    @Path("/{id}/door-photo")
    @Produces("image/jpeg")
    @TenantAccess({TENANT_ADMIN, HANDLER, RIDER})
    @Operation(summary = "Get the door photo",
            description = "The stored JPEG; size=thumb for the thumbnail. Staff of the elder's community, and the "
                    + "rider paired with the elder today; 404 otherwise or without a photo.")
    @APIResponse(responseCode = "200", description = "The image",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Transactional
    public Response doorPhotoFile(@PathParam("tenant") String tenantCode, @PathParam("id") long id,
                                  @QueryParam("size") @Pattern(regexp = "^(thumb|full)$") String size) {
        Elder e = Elder.findById(id);
        boolean visible = e != null && (staff.covers(e.communityId)
                || (caller.holdsIn(tenant.code(), Role.RIDER) && Rider.bySubject(caller.subject())
                .map(r -> pairings.pairedToday(r.id, e.id)).orElse(false)));
        if (!visible) {
            throw ProblemException.notFound("pairing.elder.not-found");
        }
        return Response.ok(elders.doorPhotoOf(e, "thumb".equals(size)))
                .header("Cache-Control", "private, max-age=86400, immutable").build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "Import elders",
            description = "An XLSX or CSV file (form field file, at most 5 MB and 5,000 rows) with a header row in "
                    + "Chinese or English: 社区/community (code or name), 姓名/name (family name first), 地址/address, "
                    + "电话/phone, 家属姓名/familyContactName, 家属电话/familyContactPhone, 标志物/landmark, 备注/notes, "
                    + "经度/lon, 纬度/lat. Every row is checked first; any bad row (a formula cell, a community the caller "
                    + "does not look after) rejects the whole file with each row's errors (rows[N].field) and nothing "
                    + "is imported. An elder already listed (same community, name and address) is updated.")
    public ElderImportResult importElders(@PathParam("tenant") String tenantCode, @RestForm("file") FileUpload file) {
        return imports.importElders(RosterFile.upload(file, "pairing.import-file"));
    }

    @GET
    @Path("/import-template")
    @Produces(XLSX)
    @TenantAccess({TENANT_ADMIN, HANDLER})
    @Operation(summary = "Elder import template", description = "An XLSX with the header row and one example row.")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response template(@PathParam("tenant") String tenantCode) {
        return Response.ok(imports.template())
                .header("Content-Disposition", "attachment; filename=\"elders.xlsx\"; filename*=UTF-8''%E8%80%81%E4%BA%BA.xlsx")
                .build();
    }
}
