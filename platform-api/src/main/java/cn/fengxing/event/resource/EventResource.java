package cn.fengxing.event.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.event.api.AttendanceView;
import cn.fengxing.event.api.CheckInCode;
import cn.fengxing.event.api.EventInput;
import cn.fengxing.event.api.EventInputs.AttendanceInput;
import cn.fengxing.event.api.EventInputs.CancelInput;
import cn.fengxing.event.api.EventInputs.RiderCheckInInput;
import cn.fengxing.event.api.EventView;
import cn.fengxing.event.api.SignupView;
import cn.fengxing.event.service.EventAttendances;
import cn.fengxing.event.service.EventSignups;
import cn.fengxing.event.service.Events;
import cn.fengxing.identity.access.TenantAccess;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.PLATFORM_OPERATOR;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.STATION_KEEPER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

/**
 * The township's events 活动 (培训, 例会, 恳谈会, 义诊, 法律咨询, 志愿活动): organisers plan them and check riders in;
 * riders sign up (a waitlist past the seats) and check in by scanning the event's code.
 */
@Path("/api/t/{tenant}/events")
@Tag(name = "Events")
@SecurityRequirement(name = "oidc")
public class EventResource {

    static final String KIND = "^(training|meeting|forum|health_check|legal_aid|volunteering)$";
    static final String SIGNUP_STATUS = "^(signed_up|waitlisted|cancelled)$";

    @Inject
    Events events;

    @Inject
    EventSignups signups;

    @Inject
    EventAttendances attendances;

    @GET
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, STATION_KEEPER})
    @Operation(summary = "List events",
            description = "Events by start, newest first; from/to are days of the township's calendar (inclusive) "
                    + "the event starts on.")
    public Page<EventView> list(@PathParam("tenant") String tenant,
                                @QueryParam("from") @Parameter(description = "First day, YYYY-MM-DD",
                                        schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
                                @QueryParam("to") @Parameter(description = "Last day, YYYY-MM-DD",
                                        schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
                                @QueryParam("kind") @Pattern(regexp = KIND) String kind,
                                @QueryParam("status") @Pattern(regexp = "^(scheduled|cancelled)$") String status,
                                @BeanParam PageRequest paging) {
        return events.list(from, to, kind, status, paging.page(), paging.size());
    }

    @POST
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Create an event",
            description = "At a station or an address, ending after it starts and at most 7 days later; sign-up "
                    + "closes at signUpUntil (default the start). 400 names each wrong field.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)))
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull EventInput input) {
        return Response.status(Response.Status.CREATED).entity(events.create(input)).build();
    }

    @GET
    @Path("/upcoming")
    @TenantAccess(RIDER)
    @Operation(summary = "Upcoming events", description = "Scheduled events not yet ended, soonest first, with mine.")
    public List<EventView> upcoming(@PathParam("tenant") String tenant) {
        return signups.upcoming();
    }

    @GET
    @Path("/mine")
    @TenantAccess(RIDER)
    @Operation(summary = "My events",
            description = "Events I signed up for or attended, newest first (past included, at most 100), with mine.")
    public List<EventView> mine(@PathParam("tenant") String tenant) {
        return signups.mine();
    }

    @POST
    @Path("/check-in")
    @TenantAccess(RIDER)
    @Operation(summary = "Check in by the event's code",
            description = "The rider scanned the event's check-in code. 201 for a new check-in, 200 when checked in "
                    + "already; 400 event.code-invalid for a bad, expired or foreign code; 409 outside the window "
                    + "or for a cancelled event.")
    @APIResponse(responseCode = "201", description = "Checked in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttendanceView.class)))
    @APIResponse(responseCode = "200", description = "Checked in already: the first check-in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttendanceView.class)))
    public Response checkIn(@PathParam("tenant") String tenant, @Valid @NotNull RiderCheckInInput input) {
        AttendanceView view = attendances.riderScan(input.code());
        return Response.status(view.created() ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, STATION_KEEPER, RIDER, PLATFORM_OPERATOR})
    @Operation(summary = "Get an event", description = "One event; a rider also gets mine.")
    public EventView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return events.get(id);
    }

    @PUT
    @Path("/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Update an event",
            description = "Replaces its fields. 409 event.capacity-below-signups when the seats would be fewer than "
                    + "the riders signed up; more seats move the first waitlisted riders up.")
    public EventView update(@PathParam("tenant") String tenant, @PathParam("id") long id,
                            @Valid @NotNull EventInput input) {
        return events.update(id, input);
    }

    @POST
    @Path("/{id}/cancel")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Cancel an event",
            description = "With a reason riders read; sign-ups are kept. Cancelling again returns the event as it is.")
    public EventView cancel(@PathParam("tenant") String tenant, @PathParam("id") long id,
                            @Valid @NotNull CancelInput input) {
        return events.cancel(id, input.reason());
    }

    @GET
    @Path("/{id}/signups")
    @TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, STATION_KEEPER})
    @Operation(summary = "An event's sign-ups",
            description = "Signed up first, then the waitlist in order, then cancelled; with each check-in. A station "
                    + "keeper reads those of events at their station only.")
    public List<SignupView> signups(@PathParam("tenant") String tenant, @PathParam("id") long id,
                                    @QueryParam("status") @Pattern(regexp = SIGNUP_STATUS) String status) {
        return signups.list(id, status);
    }

    @GET
    @Path("/{id}/check-in-code")
    @TenantAccess({TENANT_ADMIN, STATION_KEEPER})
    @Operation(summary = "The event's check-in code",
            description = "A code valid 120 s to show as a QR, refreshed every 60 s; 409 outside the check-in window "
                    + "or for a cancelled event.")
    public CheckInCode checkInCode(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return attendances.code(id);
    }

    @POST
    @Path("/{id}/attendance")
    @TenantAccess({TENANT_ADMIN, STATION_KEEPER})
    @Operation(summary = "Check a rider in",
            description = "The organiser scanned the rider's personal code. 201 for a new check-in, 200 when checked "
                    + "in already; 409 outside the window or for a cancelled event; 403 for an inactive rider.")
    @APIResponse(responseCode = "201", description = "Checked in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttendanceView.class)))
    @APIResponse(responseCode = "200", description = "Checked in already: the first check-in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttendanceView.class)))
    public Response attend(@PathParam("tenant") String tenant, @PathParam("id") long id,
                           @Valid @NotNull AttendanceInput input) {
        AttendanceView view = attendances.organiserScan(id, input.riderCode());
        return Response.status(view.created() ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @POST
    @Path("/{id}/signup")
    @TenantAccess(RIDER)
    @Operation(summary = "Sign up",
            description = "201 signed up, or waitlisted past the seats; again: 200 as it is. 409 when sign-up is "
                    + "closed, the event cancelled or ended.")
    @APIResponse(responseCode = "201", description = "Signed up or waitlisted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "200", description = "Signed up already: as it is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)))
    public Response signUp(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        EventSignups.Result result = signups.signUp(id);
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(result.view()).build();
    }

    @DELETE
    @Path("/{id}/signup")
    @TenantAccess(RIDER)
    @Operation(summary = "Cancel my sign-up",
            description = "The first waitlisted rider moves up. 404 when not signed up; 409 once the event started.")
    public EventView withdraw(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return signups.withdraw(id);
    }
}
