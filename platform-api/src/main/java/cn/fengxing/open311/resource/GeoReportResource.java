package cn.fengxing.open311.resource;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.web.RequestLocale;
import cn.fengxing.identity.access.PublicAccess;
import cn.fengxing.open311.api.Discovery;
import cn.fengxing.open311.api.Open311Error;
import cn.fengxing.open311.api.Open311Format;
import cn.fengxing.open311.api.Open311Service;
import cn.fengxing.open311.api.RequestReceipt;
import cn.fengxing.open311.api.ServiceDefinition;
import cn.fengxing.open311.api.ServiceRequest;
import cn.fengxing.open311.api.ServiceRequestForm;
import cn.fengxing.open311.api.TokenLookup;
import cn.fengxing.open311.service.GeoReportWriter;
import cn.fengxing.open311.service.GeoReports;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static cn.fengxing.report.service.ReportService.blankToNull;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), one endpoint per township: jurisdiction_id is the
 * township's code. Reads are public; filing needs an API key the township issued. Each resource comes as .json
 * or .xml; errors come in the spec's format, not as RFC 9457 problems (docs/adr/0004-open311.md).
 */
@Path("/api/t/{tenant}/open311/v2")
@Tag(name = "Open311", description = "Open311 GeoReport v2 per township (jurisdiction_id = the township's code): "
        + "report categories as services, reports as service requests; JSON or XML by the path's extension, errors "
        + "as the spec's errors/error list")
@PublicAccess
public class GeoReportResource {

    private static final String JURISDICTION = "The township's code; optional, and if given it must be this "
            + "endpoint's (404 otherwise)";
    private static final String FORMAT = "json or xml";

    @Inject
    GeoReports geo;

    @Inject
    GeoReportWriter writer;

    @Inject
    RequestLocale locale;

    @GET
    @Path("/discovery.{format}")
    @Operation(summary = "Open311 service discovery",
            description = "Where the township's GeoReport v2 endpoint is, its formats, whom to contact and how to get "
                    + "an API key. XML root discovery with endpoints/endpoint and formats/format.")
    @APIResponse(responseCode = "200", description = "The discovery document", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Discovery.class)),
            @Content(mediaType = "text/xml", schema = @Schema(implementation = Discovery.class))})
    public Response discovery(@PathParam("tenant") String tenant,
                              @PathParam("format") @Parameter(description = FORMAT) Open311Format format,
                              @QueryParam("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdiction,
                              @Context UriInfo uri) {
        String url = uri.getBaseUriBuilder().path("api/t").path(tenant).path("open311/v2").build().toString();
        return writer.document(format, "discovery", geo.discovery(jurisdiction, url, locale.get()));
    }

    @GET
    @Path("/services.{format}")
    @Operation(summary = "Open311 service list",
            description = "The township's active report categories as services, in the app's order: service_code is "
                    + "the category code, group the category group; metadata true when the service definition has "
                    + "attributes. XML services/service.")
    @APIResponse(responseCode = "200", description = "The services", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Service.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Service.class))})
    public Response services(@PathParam("tenant") String tenant,
                             @PathParam("format") @Parameter(description = FORMAT) Open311Format format,
                             @QueryParam("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdiction) {
        return writer.list(format, 200, "services", "service", geo.services(jurisdiction, locale.get()));
    }

    @GET
    @Path("/services/{service_code}.{format}")
    @Operation(summary = "Open311 service definition",
            description = "The attributes a service takes: attribute[urgent]=true|false marks a request urgent; "
                    + "categories urgent by themselves take none (an empty list). 404 for an unknown or inactive "
                    + "service. XML service_definition with attributes/attribute and values/value.")
    @APIResponse(responseCode = "200", description = "The service definition", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceDefinition.class)),
            @Content(mediaType = "text/xml", schema = @Schema(implementation = ServiceDefinition.class))})
    public Response definition(@PathParam("tenant") String tenant, @PathParam("service_code") String serviceCode,
                               @PathParam("format") @Parameter(description = FORMAT) Open311Format format,
                               @QueryParam("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdiction) {
        return writer.document(format, "service_definition", geo.definition(jurisdiction, serviceCode, locale.get()));
    }

    @POST
    @Path("/requests.{format}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Open311 create a service request",
            description = "Files a report (source open311) from a form: api_key (a key of this township; 403 "
                    + "otherwise), service_code (404 if unknown), lat and long (WGS84, required: requests are "
                    + "placed in their grid by their point), address_string, description (the service's name when "
                    + "absent), first_name, last_name, media_url, attribute[urgent]. It is placed, gets its SLA "
                    + "deadlines and enters the dispatcher's queue like an app report, without photos. Answers "
                    + "service_request_id, token and service_notice (what the reporter is told). XML "
                    + "service_requests/request.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = ServiceRequestForm.class)))
    @APIResponse(responseCode = "201", description = "Filed", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = RequestReceipt.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = RequestReceipt.class))})
    @APIResponse(responseCode = "400", description = "A missing or bad parameter, one error each", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class))})
    public Response create(@PathParam("tenant") String tenant,
                           @PathParam("format") @Parameter(description = FORMAT) Open311Format format,
                           byte[] body) {
        ServiceRequestForm form;
        try {
            form = ServiceRequestForm.parse(body);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("open311.form");
        }
        RequestReceipt receipt = geo.create(form, locale.get());
        return writer.list(format, 201, "service_requests", "request", List.of(receipt));
    }

    @GET
    @Path("/requests.{format}")
    @Operation(summary = "Open311 service requests",
            description = "The township's reports, newest first, at most 1000, without anything about who filed them. "
                    + "service_request_id (comma list) returns those and ignores the other filters; otherwise "
                    + "start_date and end_date (W3C datetime, or a date in the township's time zone) select by filing "
                    + "time, at most 90 days apart, default the last 90 days; service_code and status (open, closed) "
                    + "take comma lists. status is open until the case is concluded (closed_fixed, closed_not_fixed, "
                    + "rejected, duplicate); status_notes is the latest message the reporter received; "
                    + "agency_responsible the department or grid worker; expected_datetime the resolution deadline. "
                    + "XML service_requests/request.")
    @APIResponse(responseCode = "200", description = "The requests", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceRequest.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceRequest.class))})
    public Response search(@PathParam("tenant") String tenant,
                           @PathParam("format") @Parameter(description = FORMAT) Open311Format format,
                           @QueryParam("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdiction,
                           @QueryParam("service_request_id") String ids,
                           @QueryParam("service_code") String serviceCodes,
                           @QueryParam("start_date") String startDate,
                           @QueryParam("end_date") String endDate,
                           @QueryParam("status") String status) {
        List<ServiceRequest> found = geo.search(new GeoReports.Query(jurisdiction, blankToNull(ids),
                blankToNull(serviceCodes), blankToNull(startDate), blankToNull(endDate), blankToNull(status)), locale.get());
        return writer.list(format, 200, "service_requests", "request", found);
    }

    @GET
    @Path("/requests/{service_request_id}.{format}")
    @Operation(summary = "Open311 one service request",
            description = "One report as a list of one, like GET requests; 404 if the township has no such request.")
    @APIResponse(responseCode = "200", description = "The request", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceRequest.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceRequest.class))})
    public Response get(@PathParam("tenant") String tenant, @PathParam("service_request_id") long id,
                        @PathParam("format") @Parameter(description = FORMAT) Open311Format format,
                        @QueryParam("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdiction) {
        return writer.list(format, 200, "service_requests", "request", geo.get(jurisdiction, id, locale.get()));
    }

    @GET
    @Path("/tokens/{token}.{format}")
    @Operation(summary = "Open311 request id from a token",
            description = "The service_request_id of the request a token (from POST requests) stands for; 404 if none.")
    @APIResponse(responseCode = "200", description = "The id", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = TokenLookup.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = TokenLookup.class))})
    public Response token(@PathParam("tenant") String tenant, @PathParam("token") String token,
                          @PathParam("format") @Parameter(description = FORMAT) Open311Format format,
                          @QueryParam("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdiction) {
        return writer.list(format, 200, "service_requests", "request", List.of(geo.token(jurisdiction, token)));
    }
}
