package cn.fengxing.dispatch.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.web.RequestLocale;
import cn.fengxing.dispatch.api.DispatchProposal;
import cn.fengxing.dispatch.api.ReportChange;
import cn.fengxing.dispatch.service.DispatchService;
import cn.fengxing.dispatch.service.LiveReports;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.report.api.DispatchInput;
import cn.fengxing.report.api.DuplicateInput;
import cn.fengxing.report.api.ReasonInput;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.api.ReportSummary;
import cn.fengxing.report.api.ReportView;
import cn.fengxing.report.api.StepForm;
import cn.fengxing.report.service.ReportPhotos;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;

import java.util.ArrayList;
import java.util.List;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

@Path("/api/t/{tenant}/dispatch")
@Tag(name = "Dispatch", description = "The duty dispatcher's 值守专员 queue and dispatch 派单, and the handler's steps")
@SecurityRequirement(name = "oidc")
public class DispatchResource {

    @Inject
    DispatchService dispatch;

    @Inject
    ReportPhotos photos;

    @Inject
    LiveReports live;

    @Inject
    RequestLocale locale;

    @Inject
    Caller caller;

    @GET
    @Path("/queue")
    @TenantAccess({DISPATCHER, HANDLER, TENANT_ADMIN})
    @Operation(summary = "The report queue",
            description = "Reports newest first, paged, with SLA deadlines and who holds each; filter by state "
                    + "(repeatable), category code (a group includes its sub-categories), community code, urgent, "
                    + "escalated=true for the reports escalated to the tenant admin (overdue or urgent), and "
                    + "mine=true for the reports assigned to the caller (the handler's list). The total counts the "
                    + "matching reports up to " + DispatchService.COUNT_LIMIT + ": that total means at least as many.")
    public Page<ReportSummary> queue(@PathParam("tenant") String tenant, @QueryParam("state") List<String> states,
                                     @QueryParam("category") String category, @QueryParam("community") String community,
                                     @QueryParam("urgent") Boolean urgent, @QueryParam("escalated") Boolean escalated,
                                     @QueryParam("mine") boolean mine, @BeanParam PageRequest paging) {
        List<ReportState> parsed = new ArrayList<>();
        for (String s : states == null ? List.<String>of() : states) {
            try {
                parsed.add(ReportState.valueOf(s));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("report.state.unknown", s);
            }
        }
        return dispatch.queue(new DispatchService.QueueFilter(parsed, category, community, urgent, escalated, mine),
                paging.page(), paging.size(), locale.get());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // the access check reads the database
    @ResponseHeader(name = "Cache-Control", value = "no-cache")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no") // proxies pass each event on at once
    @TenantAccess({DISPATCHER, HANDLER, TENANT_ADMIN})
    @Operation(summary = "Live report changes",
            description = "Server-sent events of the township's reports as they change, so queues update without a "
                    + "reload: an event named report per committed step (data: id, action, state), an event named "
                    + "notification per message sent to the caller (data: the message, as in the inbox), a "
                    + "comment line when subscribed and a heartbeat comment every 20 s. Every API instance hears "
                    + "every change. Browsers read it with fetch() and the Authorization header, and reconnect (then reload the "
                    + "queue) when it ends.")
    @APIResponse(responseCode = "200", description = "The stream; each event's data is a ReportChange",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = ReportChange.class)))
    public Multi<OutboundSseEvent> stream(@PathParam("tenant") String tenant, @Context Sse sse) {
        return live.stream(tenant, caller.subject(), true, sse);
    }

    @GET
    @Path("/reports/{id}/proposal")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Dispatch proposal",
            description = "What the routing rules propose for the report (category, community → grid worker or "
                    + "department, urgency and hotline), the workers of its grid, and open reports of the same category "
                    + "nearby (possible duplicates).")
    public DispatchProposal proposal(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return dispatch.proposal(id, locale.get());
    }

    @PUT
    @Path("/reports/{id}/hold")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Take a report (领单)",
            description = "Holds an open report for the caller for five minutes (again: renews it), so other "
                    + "dispatchers see who works on it and cannot act on it; 409 naming the holder when someone else "
                    + "holds it.")
    public ReportView hold(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return dispatch.hold(id, locale.get());
    }

    @DELETE
    @Path("/reports/{id}/hold")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Release a report",
            description = "Ends the caller's hold; a tenant admin may also release someone else's.")
    public ReportView release(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return dispatch.release(id, locale.get());
    }

    @POST
    @Path("/reports/{id}/dispatch")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Dispatch a report",
            description = "Sends a submitted or reopened report (or reassigns a dispatched one) to a handler (kind "
                    + "handler, subject of a member with the handler role) or a department (kind department, its code), "
                    + "with a note; urgent=true also flags it urgent. The first dispatch accepts the report.")
    public ReportView dispatch(@PathParam("tenant") String tenant, @PathParam("id") long id,
                               @Valid @NotNull DispatchInput input) {
        return dispatch.dispatch(id, input, locale.get());
    }

    @POST
    @Path("/reports/{id}/reject")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Reject a report", description = "Concludes it as not a matter for the township; the reason is sent to the rider.")
    public ReportView reject(@PathParam("tenant") String tenant, @PathParam("id") long id,
                             @Valid @NotNull ReasonInput input) {
        return dispatch.reject(id, input.reason(), locale.get());
    }

    @POST
    @Path("/reports/{id}/duplicate")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Merge as duplicate", description = "Concludes it as a duplicate of an earlier report (linked).")
    public ReportView duplicate(@PathParam("tenant") String tenant, @PathParam("id") long id,
                                @Valid @NotNull DuplicateInput input) {
        return dispatch.markDuplicate(id, input.of(), input.note(), locale.get());
    }

    @POST
    @Path("/reports/{id}/urgent")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Mark urgent", description = "Flags an open report urgent: listed first and escalated at once.")
    public ReportView urgent(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return dispatch.markUrgent(id, locale.get());
    }

    @POST
    @Path("/reports/{id}/close")
    @TenantAccess({DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Close as not fixable",
            description = "Concludes a reopened report that cannot be fixed (closed_not_fixed), with the reason the rider is told.")
    public ReportView close(@PathParam("tenant") String tenant, @PathParam("id") long id,
                            @Valid @NotNull ReasonInput input) {
        return dispatch.closeNotFixed(id, input.reason(), locale.get());
    }

    @POST
    @Path("/reports/{id}/accept")
    @TenantAccess({HANDLER, DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Accept a dispatched report",
            description = "The assigned handler (or a dispatcher, for a department) takes it on: in_progress.")
    public ReportView accept(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return dispatch.accept(id, locale.get());
    }

    @POST
    @Path("/reports/{id}/progress")
    @TenantAccess({HANDLER, DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Add a progress note", description = "A note on a report in progress, shown in its timeline.")
    public ReportView progress(@PathParam("tenant") String tenant, @PathParam("id") long id,
                               @Valid @NotNull ReasonInput input) {
        return dispatch.progress(id, input.reason(), locale.get());
    }

    @POST
    @Path("/reports/{id}/resolve")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @TenantAccess({HANDLER, DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Resolve a report",
            description = "The handler reports back: a note and up to 3 photos (form fields note, photos); the rider is "
                    + "told and asked to verify.")
    public ReportView resolve(@PathParam("tenant") String tenant, @PathParam("id") long id,
                              @Valid @NotNull @BeanParam StepForm form) {
        return photos.withPhotos(form.photos, processed -> dispatch.resolve(id, form, processed, locale.get()));
    }

    @POST
    @Path("/reports/{id}/send-back")
    @TenantAccess({HANDLER, DISPATCHER, TENANT_ADMIN})
    @Operation(summary = "Send a report back",
            description = "Not the assignee's responsibility: back to the dispatcher's queue (submitted), unassigned, with the reason.")
    public ReportView sendBack(@PathParam("tenant") String tenant, @PathParam("id") long id,
                               @Valid @NotNull ReasonInput input) {
        return dispatch.sendBack(id, input.reason(), locale.get());
    }
}
