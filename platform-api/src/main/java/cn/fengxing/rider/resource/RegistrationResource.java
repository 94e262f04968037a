package cn.fengxing.rider.resource;

import cn.fengxing.identity.access.SignedIn;
import cn.fengxing.rider.api.RegistrationInput;
import cn.fengxing.rider.api.RiderOptions;
import cn.fengxing.rider.api.RiderView;
import cn.fengxing.rider.service.RiderService;
import cn.fengxing.rider.service.RiderSettings;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Self-registration from the mobile web: the caller needs no membership in the township yet. */
@Path("/api/t/{tenant}/riders")
@Tag(name = "Riders", description = "Riders 骑手 of a township")
@SecurityRequirement(name = "oidc")
public class RegistrationResource {

    @Inject
    RiderService riders;

    @Inject
    RiderSettings settings;

    @POST
    @Path("/registration")
    @SignedIn
    @Operation(summary = "Register as a rider",
            description = "Signs the caller up as a pending rider of the township, to be approved by the tenant admin. "
                    + "Idempotent: a caller already registered gets their record back (200). An imported rider with the "
                    + "same phone who has not signed in yet is bound to the caller (200) only with proof: the token's "
                    + "verified phone_number, or the admin's bindingCode for that rider (400 if wrong, expired or locked); "
                    + "without proof the registration is pending and claims that rider until the admin approves it. A "
                    + "caller with such a pending claim may send the code later. 201 when a rider was created; 409 when "
                    + "another person registered that phone.")
    public Response register(@PathParam("tenant") String tenant, @Valid @NotNull RegistrationInput input) {
        RiderService.Registration r = riders.register(input);
        return Response.status(r.created() ? Response.Status.CREATED : Response.Status.OK).entity(r.rider()).build();
    }

    @GET
    @Path("/registration")
    @SignedIn
    @Operation(summary = "My registration", description = "The caller's own rider record and its status (404 if none).")
    public RiderView mine(@PathParam("tenant") String tenant) {
        return riders.myRegistration();
    }

    @GET
    @Path("/options")
    @SignedIn
    @Operation(summary = "Rider form options",
            description = "The delivery platforms to choose from (code, Chinese and English names) and which optional "
                    + "rider fields (party member, volunteer) the township switched on.")
    public RiderOptions options(@PathParam("tenant") String tenant) {
        return RiderOptions.of(settings.fields());
    }
}
