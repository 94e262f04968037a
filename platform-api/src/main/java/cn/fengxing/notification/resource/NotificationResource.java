package cn.fengxing.notification.resource;

import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.dispatch.service.LiveReports;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.notification.api.NotificationCount;
import cn.fengxing.notification.api.NotificationView;
import cn.fengxing.notification.service.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.STATION_KEEPER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

/** Everybody's own inbox 消息 in a township: riders and staff alike read only the messages addressed to them. */
@Path("/api/t/{tenant}/notifications")
@Tag(name = "Notifications", description = "The in-app inbox 消息: each person's own messages, live")
@SecurityRequirement(name = "oidc")
@TenantAccess({TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER})
public class NotificationResource {

    @Inject
    Inbox inbox;

    @Inject
    LiveReports live;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "My messages",
            description = "The caller's messages newest first, paged; unread=true for the unread ones only.")
    public Page<NotificationView> list(@PathParam("tenant") String tenant, @QueryParam("unread") boolean unread,
                                       @BeanParam PageRequest paging) {
        return inbox.list(unread, paging.page(), paging.size());
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of my messages are unread", description = "The number on the bell.")
    public NotificationCount unreadCount(@PathParam("tenant") String tenant) {
        return new NotificationCount(inbox.unread());
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark a message read",
            description = "The message, read (from the first time it was). 404 for a message that is not the "
                    + "caller's.")
    public NotificationView read(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return inbox.read(id);
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark all my messages read", description = "Returns how many were unread.")
    public NotificationCount readAll(@PathParam("tenant") String tenant) {
        return new NotificationCount(inbox.readAll());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // the access check reads the database
    @ResponseHeader(name = "Cache-Control", value = "no-cache")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no") // proxies pass each event on at once
    @Operation(summary = "My messages, live",
            description = "Server-sent events: an event named notification (data: the message) for each message "
                    + "sent to the caller once it is committed, on any API instance; a comment line when subscribed "
                    + "and a heartbeat comment every 20 s. Read with fetch() and the Authorization header; after a "
                    + "reconnect, reload the unread count.")
    @APIResponse(responseCode = "200", description = "The stream; each event's data is a NotificationView",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = NotificationView.class)))
    public Multi<OutboundSseEvent> stream(@PathParam("tenant") String tenant, @Context Sse sse) {
        return live.stream(tenant, caller.subject(), false, sse);
    }
}
