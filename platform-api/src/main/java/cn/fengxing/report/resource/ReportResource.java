package cn.fengxing.report.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.web.RequestLocale;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.report.api.ReportBreakdown;
import cn.fengxing.report.api.ReportFigures;
import cn.fengxing.report.api.ReportForm;
import cn.fengxing.report.api.ReportSummary;
import cn.fengxing.report.api.ReportView;
import cn.fengxing.report.api.VerificationForm;
import cn.fengxing.report.service.FilingLimits;
import cn.fengxing.report.service.ReportBreakdownService;
import cn.fengxing.report.service.ReportFigureService;
import cn.fengxing.report.service.ReportPhotos;
import cn.fengxing.report.service.ReportService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/reports")
@Tag(name = "Reports", description = "Snap-and-report 随手拍: riders file hazards with photos, follow them and verify the fix")
@SecurityRequirement(name = "oidc")
public class ReportResource {

    /** Client-made keys (a UUID in the app): printable, short. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9._:-]{8,100}$");

    @Inject
    ReportService reports;

    @Inject
    ReportPhotos photos;

    @Inject
    FilingLimits limits;

    @Inject
    ReportFigureService figures;

    @Inject
    ReportBreakdownService breakdowns;

    @Inject
    RequestLocale locale;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @TenantAccess(RIDER)
    @Operation(summary = "File a report",
            description = "An active rider files a hazard: category code, description, WGS84 lon/lat (from the phone, "
                    + "adjusted on the map), optional address, urgent, and 1–3 JPEG or PNG photos (form field photos, "
                    + "each at most 10 MB). Photos are re-encoded without metadata. The report is placed in the grid "
                    + "containing the point and gets its SLA deadlines; urgent and emergency-stop categories make it "
                    + "urgent. Send an Idempotency-Key header (8–100 of A–Z a–z 0–9 . _ : -) and reuse it on every retry: "
                    + "the first request creates the report (201), every retry returns the same report (200).")
    @APIResponse(responseCode = "201", description = "Filed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the report this key already filed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    public Response file(@PathParam("tenant") String tenant, @HeaderParam("Idempotency-Key") String idempotencyKey,
                         @Valid @NotNull @BeanParam ReportForm form) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.badRequest("report.idempotency-key");
        }
        // a retry of a filed report gets it back at once: no flood limit, no photo work
        Optional<ReportView> earlier = reports.filedBefore(idempotencyKey, locale.get());
        if (earlier.isPresent()) {
            return Response.ok(earlier.get()).build();
        }
        limits.admit();
        ReportService.Filed filed = photos.withPhotos(form.photos,
                processed -> reports.file(form, processed, idempotencyKey, locale.get()));
        return Response.status(filed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(filed.report()).build();
    }

    @GET
    @Path("/mine")
    @TenantAccess(RIDER)
    @Operation(summary = "My reports",
            description = "The reports the caller filed or joined (\"me too\"), newest first, paged, with state and SLA.")
    public Page<ReportSummary> mine(@PathParam("tenant") String tenant, @BeanParam PageRequest paging) {
        return reports.mine(paging.page(), paging.size(), locale.get());
    }

    @GET
    @Path("/nearby")
    @TenantAccess({RIDER, DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Open reports nearby",
            description = "Open reports of a category within the township's nearby radius (300 m) of a WGS84 point, "
                    + "nearest first, at most 10: shown to the rider before filing, to say \"me too\" instead.")
    public List<ReportSummary> nearby(@PathParam("tenant") String tenant,
                                      @QueryParam("category") @NotBlank String category,
                                      @QueryParam("lon") @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                                      @QueryParam("lat") @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat) {
        return reports.nearby(category, lon, lat, locale.get());
    }

    @GET
    @Path("/figures")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Report figures",
            description = "The township's figures for the reports filed from–to (YYYY-MM-DD, township calendar days, "
                    + "inclusive; default the last 365 days up to today; at most 3660 days), each as it stands now: "
                    + "reports, closed (concluded) and the closure rate, median minutes to the first dispatch, median "
                    + "hours to resolution, the share that missed a deadline, and the riders' ratings (count, average, "
                    + "share of 4 or 5). Rates and medians are null when there is nothing to measure.")
    public ReportFigures figures(@PathParam("tenant") String tenant,
                                 @QueryParam("from") @Parameter(description = "First day, YYYY-MM-DD",
                                         schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
                                 @QueryParam("to") @Parameter(description = "Last day, YYYY-MM-DD",
                                         schema = @Schema(type = SchemaType.STRING, format = "date")) String to) {
        return figures.figures(from, to);
    }

    @GET
    @Path("/breakdown")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Reports by category, community or grid",
            description = "The reports filed from–to (as for the figures) counted by category (named in the request's "
                    + "language), community or grid, each as it stands now: reports, closed and the closure rate, those "
                    + "that missed a deadline and their share. Most reports first; reports placed in no community or "
                    + "grid make one row without a name.")
    public ReportBreakdown breakdown(@PathParam("tenant") String tenant,
                                     @QueryParam("from") @Parameter(description = "First day, YYYY-MM-DD",
                                             schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
                                     @QueryParam("to") @Parameter(description = "Last day, YYYY-MM-DD",
                                             schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
                                     @QueryParam("by") @Parameter(required = true, description = "What a row is",
                                             schema = @Schema(type = SchemaType.STRING,
                                                     enumeration = {"category", "community", "grid"})) String by) {
        return breakdowns.breakdown(from, to, by, locale.get());
    }

    @GET
    @Path("/{id}")
    @TenantAccess({RIDER, DISPATCHER, HANDLER, TENANT_ADMIN})
    @Operation(summary = "Get a report",
            description = "A report with its photos and timeline (each step with what the rider was told). Staff see "
                    + "every report; a rider sees those they filed or joined (404 otherwise).")
    public ReportView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return reports.get(id, locale.get());
    }

    @GET
    @Path("/{id}/photos/{photo}")
    @Produces("image/jpeg")
    @TenantAccess({RIDER, DISPATCHER, HANDLER, TENANT_ADMIN})
    @Operation(summary = "Get a report photo",
            description = "The stored JPEG (no metadata); size=thumb for the thumbnail. Same visibility as the report.")
    @APIResponse(responseCode = "200", description = "The image",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response photo(@PathParam("tenant") String tenant, @PathParam("id") long id, @PathParam("photo") long photo,
                          @QueryParam("size") String size) {
        if (size != null && !"thumb".equals(size) && !"full".equals(size)) {
            throw ProblemException.badRequest("report.photo.size", size);
        }
        return Response.ok(reports.photo(id, photo, "thumb".equals(size)))
                .header("Cache-Control", "private, max-age=86400, immutable").build();
    }

    @POST
    @Path("/{id}/me-too")
    @TenantAccess(RIDER)
    @Operation(summary = "Join a report (me too)",
            description = "The caller met the same hazard: joins the open report once (409 when it is concluded or "
                    + "is the caller's own); the caller then follows it like their own.")
    public ReportView meToo(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return reports.meToo(id, locale.get());
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @TenantAccess(RIDER)
    @Operation(summary = "Verify the fix",
            description = "The reporting rider's verdict on a resolved report: fixed=true closes it (closed_fixed), "
                    + "fixed=false reopens it for the dispatcher; optional rating 1–5, comment and up to 3 photos. "
                    + "409 unless the report is resolved; 403 for anyone but its reporter.")
    public ReportView verify(@PathParam("tenant") String tenant, @PathParam("id") long id,
                             @Valid @NotNull @BeanParam VerificationForm form) {
        return photos.withPhotos(form.photos, processed -> reports.verify(id, form, processed, locale.get()));
    }
}
