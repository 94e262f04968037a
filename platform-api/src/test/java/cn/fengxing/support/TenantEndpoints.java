package cn.fengxing.support;

import cn.fengxing.identity.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.fengxing.identity.Role.DISPATCHER;
import static cn.fengxing.identity.Role.HANDLER;
import static cn.fengxing.identity.Role.PLATFORM_OPERATOR;
import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.STATION_KEEPER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

/**
 * Every operation under /api/t/{tenant}, with the roles that may call it. The role and isolation
 * matrices run over this list, and {@code AccessMatrixTest} fails when the OpenAPI document has a
 * tenant operation that is missing here: a new endpoint cannot skip the matrices.
 */
public final class TenantEndpoints {

    public static final Set<Role> ALL_MEMBERS = EnumSet.of(TENANT_ADMIN, DISPATCHER, HANDLER, RIDER, STATION_KEEPER,
            PLATFORM_OPERATOR);
    /** Every township role (not the platform operator): whoever has an inbox 消息 in the township. */
    public static final Set<Role> MEMBERS = EnumSet.copyOf(Role.TENANT_ROLES);
    public static final Set<Role> ADMIN = EnumSet.of(TENANT_ADMIN);
    /** Those who work reports: the admin, the duty dispatcher and grid workers/departments. */
    public static final Set<Role> STAFF = EnumSet.of(TENANT_ADMIN, DISPATCHER, HANDLER);
    public static final Set<Role> DISPATCH = EnumSet.of(TENANT_ADMIN, DISPATCHER);
    /** Riders before filing, and dispatchers looking for duplicates. */
    public static final Set<Role> REPORTERS = EnumSet.of(TENANT_ADMIN, DISPATCHER, RIDER);
    /** A report's readers: the staff, and riders (who see only their own). */
    public static final Set<Role> WITH_RIDER = EnumSet.of(TENANT_ADMIN, DISPATCHER, HANDLER, RIDER);
    /** Those who scan at a station or merchant: its keeper, or the tenant admin. */
    public static final Set<Role> KEEPERS = EnumSet.of(TENANT_ADMIN, STATION_KEEPER);
    /** Who looks after a community's elders 独居老人: the admin, and grid workers (handlers) of their communities. */
    public static final Set<Role> CARE_STAFF = EnumSet.of(TENANT_ADMIN, HANDLER);

    /**
     * One operation. {@code path} uses {id} for an id of the target township's own rows. The
     * body makes a request that passes access but changes nothing (it is refused by validation,
     * or addresses a missing row), so the matrices can run every role against every write.
     */
    public record Endpoint(String method, String path, Set<Role> allowed, Object probeBody) {

        /** Open without a token; {@code allowed} is empty. */
        public boolean isPublic() {
            return allowed.isEmpty();
        }

        /** Open to anyone signed in, member of the township or not ({@code @SignedIn}). */
        public boolean isSignedIn() {
            return allowed.equals(SIGNED_IN);
        }
    }

    public static final Set<Role> PUBLIC = EnumSet.noneOf(Role.class);

    /** Every role, including region_viewer (which no tenant operation lists otherwise): any signed-in caller. */
    public static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);

    /** A probe body sent as a multipart upload (form field file) instead of JSON. */
    public record Upload(String fileName, byte[] content) {
    }

    /** A probe body sent form-encoded; {@link #OPEN311_KEY} in it stands for an Open311 key of the township called. */
    public record Form(String body) {
    }

    public static final String OPEN311_KEY = "{open311-key}";

    public static final Map<String, Object> INVALID = Map.of("code", "");

    /** Marks a server-sent event stream: probed for its status only, then closed (it never ends by itself). */
    public static final Object STREAM = new Object() {
        @Override
        public String toString() {
            return "stream";
        }
    };

    public static final List<Endpoint> ALL = List.of(
            new Endpoint("GET", "/profile", PUBLIC, null),
            new Endpoint("GET", "/keys", PUBLIC, null),
            new Endpoint("GET", "/rider/code", EnumSet.of(RIDER), null),
            new Endpoint("PUT", "/profile", ADMIN, INVALID),
            new Endpoint("GET", "/communities", ALL_MEMBERS, null),
            new Endpoint("GET", "/communities/{community}", ALL_MEMBERS, null),
            new Endpoint("POST", "/communities", ADMIN, INVALID),
            new Endpoint("PUT", "/communities/{community}", ADMIN, INVALID),
            new Endpoint("DELETE", "/communities/{missing}", ADMIN, null),
            new Endpoint("GET", "/grids", ALL_MEMBERS, null),
            new Endpoint("GET", "/grids/{grid}", ALL_MEMBERS, null),
            new Endpoint("GET", "/grids/locate?lon=1&lat=1", ALL_MEMBERS, null),
            new Endpoint("POST", "/grids", ADMIN, INVALID),
            new Endpoint("PUT", "/grids/{grid}", ADMIN, INVALID),
            new Endpoint("DELETE", "/grids/{missing}", ADMIN, null),
            new Endpoint("GET", "/grids/{grid}/workers", EnumSet.of(TENANT_ADMIN, DISPATCHER, HANDLER, PLATFORM_OPERATOR), null),
            new Endpoint("PUT", "/grids/{grid}/workers", ADMIN, INVALID),
            new Endpoint("POST", "/grids/import", ADMIN, Map.of("type", "FeatureCollection", "features", List.of())),
            new Endpoint("GET", "/report-settings/categories", ALL_MEMBERS, null),
            new Endpoint("GET", "/report-settings/categories/{missing}", ALL_MEMBERS, null),
            new Endpoint("POST", "/report-settings/categories", ADMIN, INVALID),
            new Endpoint("PUT", "/report-settings/categories/{missing}", ADMIN, INVALID),
            new Endpoint("DELETE", "/report-settings/categories/{missing}", ADMIN, null),
            new Endpoint("GET", "/report-settings/departments", STAFF, null),
            new Endpoint("GET", "/report-settings/departments/{missing}", STAFF, null),
            new Endpoint("POST", "/report-settings/departments", ADMIN, INVALID),
            new Endpoint("PUT", "/report-settings/departments/{missing}", ADMIN, INVALID),
            new Endpoint("DELETE", "/report-settings/departments/{missing}", ADMIN, null),
            new Endpoint("GET", "/report-settings/routing-rules", DISPATCH, null),
            new Endpoint("GET", "/report-settings/routing-rules/resolve?category=no-such-category", DISPATCH, null),
            new Endpoint("GET", "/report-settings/routing-rules/{missing}", DISPATCH, null),
            new Endpoint("POST", "/report-settings/routing-rules", ADMIN, INVALID),
            new Endpoint("PUT", "/report-settings/routing-rules/{missing}", ADMIN, INVALID),
            new Endpoint("DELETE", "/report-settings/routing-rules/{missing}", ADMIN, null),
            new Endpoint("GET", "/report-settings/sla", STAFF, null),
            new Endpoint("PUT", "/report-settings/sla", ADMIN, INVALID),
            new Endpoint("GET", "/report-settings/templates", DISPATCH, null),
            new Endpoint("PUT", "/report-settings/templates", ADMIN, List.of(INVALID)),
            new Endpoint("GET", "/audit", ADMIN, null),
            new Endpoint("GET", "/members", DISPATCH, null),
            new Endpoint("POST", "/members", ADMIN, INVALID),
            new Endpoint("PUT", "/members/{subject}/roles", ADMIN, INVALID),
            new Endpoint("DELETE", "/members/{subject}", ADMIN, null),
            new Endpoint("GET", "/grids/{grid}/riders", EnumSet.of(TENANT_ADMIN, DISPATCHER, HANDLER), null),
            new Endpoint("POST", "/riders/registration", SIGNED_IN, INVALID),
            new Endpoint("GET", "/riders/registration", SIGNED_IN, null),
            new Endpoint("GET", "/riders/options", SIGNED_IN, null),
            new Endpoint("GET", "/riders", DISPATCH, null),
            new Endpoint("GET", "/riders/grid-counts", DISPATCH, null),
            new Endpoint("GET", "/riders/{missing}", DISPATCH, null),
            new Endpoint("PUT", "/riders/{missing}", ADMIN, INVALID),
            new Endpoint("POST", "/riders/{missing}/approve", ADMIN, null),
            new Endpoint("POST", "/riders/{missing}/suspend", ADMIN, null),
            new Endpoint("POST", "/riders/{missing}/resume", ADMIN, null),
            new Endpoint("POST", "/riders/{missing}/leave", ADMIN, null),
            new Endpoint("PUT", "/riders/{missing}/grids", ADMIN, INVALID),
            new Endpoint("POST", "/riders/{missing}/reveal", ADMIN, null),
            new Endpoint("POST", "/riders/{missing}/binding-code", ADMIN, null),
            new Endpoint("POST", "/riders/import", ADMIN, new Upload("empty.csv", new byte[0])),
            new Endpoint("GET", "/squads", DISPATCH, null),
            new Endpoint("GET", "/squads/{missing}", DISPATCH, null),
            new Endpoint("POST", "/squads", ADMIN, INVALID),
            new Endpoint("PUT", "/squads/{missing}", ADMIN, INVALID),
            new Endpoint("DELETE", "/squads/{missing}", ADMIN, null),
            new Endpoint("GET", "/friendly-communities", ALL_MEMBERS, null),
            new Endpoint("GET", "/friendly-communities/{missing}", ALL_MEMBERS, null),
            new Endpoint("POST", "/friendly-communities", ADMIN, INVALID),
            new Endpoint("PUT", "/friendly-communities/{missing}", ADMIN, INVALID),
            new Endpoint("DELETE", "/friendly-communities/{missing}", ADMIN, null),
            new Endpoint("GET", "/epasses", DISPATCH, null),
            new Endpoint("POST", "/epasses", ADMIN, INVALID),
            new Endpoint("POST", "/epasses/{missing}/revoke", ADMIN, INVALID),
            new Endpoint("POST", "/epasses/verify", PUBLIC, Map.of("token", "not-a-pass")),
            new Endpoint("GET", "/rider/epasses", EnumSet.of(RIDER), null),
            new Endpoint("GET", "/rider/friendly-communities/nearby?lon=1&lat=1", EnumSet.of(RIDER), null),
            new Endpoint("GET", "/rider/friendly-communities/{missing}", EnumSet.of(RIDER), null),
            new Endpoint("GET", "/station-settings", ALL_MEMBERS, null),
            new Endpoint("PUT", "/station-settings/grades", ADMIN, INVALID),
            new Endpoint("PUT", "/station-settings/amenities", ADMIN, INVALID),
            new Endpoint("PUT", "/station-settings/services", ADMIN, INVALID),
            new Endpoint("GET", "/stations", ALL_MEMBERS, null),
            new Endpoint("GET", "/stations/nearby?lon=1&lat=1", ALL_MEMBERS, null),
            new Endpoint("GET", "/stations/{missing}", ALL_MEMBERS, null),
            new Endpoint("POST", "/stations", ADMIN, INVALID),
            new Endpoint("PUT", "/stations/{missing}", ADMIN, INVALID),
            new Endpoint("DELETE", "/stations/{missing}", ADMIN, null),
            new Endpoint("GET", "/stations/{missing}/poster-code", KEEPERS, null),
            new Endpoint("POST", "/stations/{missing}/visits", KEEPERS, INVALID),
            new Endpoint("GET", "/stations/{missing}/stats", KEEPERS, null),
            new Endpoint("POST", "/stations/check-in", EnumSet.of(RIDER), INVALID),
            new Endpoint("GET", "/merchants", ALL_MEMBERS, null),
            new Endpoint("GET", "/merchants/nearby?lon=1&lat=1", ALL_MEMBERS, null),
            new Endpoint("GET", "/merchants/{missing}", ALL_MEMBERS, null),
            new Endpoint("POST", "/merchants", ADMIN, INVALID),
            new Endpoint("PUT", "/merchants/{missing}", ADMIN, INVALID),
            new Endpoint("DELETE", "/merchants/{missing}", ADMIN, null),
            new Endpoint("POST", "/merchants/{missing}/discount-uses", KEEPERS, INVALID),
            new Endpoint("GET", "/merchants/{missing}/stats", KEEPERS, null),
            new Endpoint("POST", "/reports", EnumSet.of(RIDER), new Upload("empty.jpg", new byte[0])),
            new Endpoint("GET", "/reports/mine", EnumSet.of(RIDER), null),
            new Endpoint("GET", "/reports/nearby?category=road-damage&lon=1&lat=1", REPORTERS, null),
            new Endpoint("GET", "/reports/figures", DISPATCH, null),
            new Endpoint("GET", "/reports/breakdown?by=grid", DISPATCH, null),
            new Endpoint("GET", "/figures/standing", ADMIN, null),
            new Endpoint("GET", "/figures/trend?figure=reports", ADMIN, null),
            new Endpoint("GET", "/reports/{missing}", WITH_RIDER, null),
            new Endpoint("GET", "/reports/{missing}/photos/{photo}", WITH_RIDER, null),
            new Endpoint("POST", "/reports/{missing}/me-too", EnumSet.of(RIDER), null),
            new Endpoint("POST", "/reports/{missing}/verification", EnumSet.of(RIDER), new Upload("empty.jpg", new byte[0])),
            new Endpoint("GET", "/dispatch/queue", STAFF, null),
            new Endpoint("GET", "/dispatch/stream", STAFF, STREAM),
            new Endpoint("GET", "/dispatch/reports/{missing}/proposal", DISPATCH, null),
            new Endpoint("PUT", "/dispatch/reports/{missing}/hold", DISPATCH, null),
            new Endpoint("DELETE", "/dispatch/reports/{missing}/hold", DISPATCH, null),
            new Endpoint("POST", "/dispatch/reports/{missing}/dispatch", DISPATCH, INVALID),
            new Endpoint("POST", "/dispatch/reports/{missing}/reject", DISPATCH, INVALID),
            new Endpoint("POST", "/dispatch/reports/{missing}/duplicate", DISPATCH, INVALID),
            new Endpoint("POST", "/dispatch/reports/{missing}/urgent", DISPATCH, null),
            new Endpoint("POST", "/dispatch/reports/{missing}/close", DISPATCH, INVALID),
            new Endpoint("POST", "/dispatch/reports/{missing}/accept", STAFF, null),
            new Endpoint("POST", "/dispatch/reports/{missing}/progress", STAFF, INVALID),
            new Endpoint("POST", "/dispatch/reports/{missing}/resolve", STAFF, new Upload("empty.jpg", new byte[0])),
            new Endpoint("POST", "/dispatch/reports/{missing}/send-back", STAFF, INVALID),
            new Endpoint("GET", "/points/rules", ALL_MEMBERS, null),
            new Endpoint("PUT", "/points/rules", ADMIN, INVALID),
            new Endpoint("POST", "/points/awards", STAFF, INVALID),
            new Endpoint("POST", "/points/corrections", ADMIN, INVALID),
            new Endpoint("GET", "/points/claims", ADMIN, null),
            new Endpoint("POST", "/points/claims/{missing}/approve", ADMIN, null),
            new Endpoint("POST", "/points/claims/{missing}/decline", ADMIN, null),
            new Endpoint("GET", "/points/entries", ADMIN, null),
            new Endpoint("GET", "/points/me", EnumSet.of(RIDER), null),
            new Endpoint("GET", "/points/me/entries", EnumSet.of(RIDER), null),
            new Endpoint("GET", "/points/leaderboard", ALL_MEMBERS, null),
            new Endpoint("GET", "/points/leaderboard/squads", ALL_MEMBERS, null),
            new Endpoint("GET", "/points/rewards", ALL_MEMBERS, null),
            new Endpoint("POST", "/points/rewards", ADMIN, INVALID),
            new Endpoint("PUT", "/points/rewards/{missing}", ADMIN, INVALID),
            new Endpoint("POST", "/points/rewards/{missing}/redemptions", EnumSet.of(RIDER), INVALID),
            new Endpoint("GET", "/points/redemptions", KEEPERS, null),
            new Endpoint("GET", "/points/redemptions/mine", EnumSet.of(RIDER), null),
            // suggestions 意见建议: riders raise, the duty desk and admins record and answer, admins decide
            new Endpoint("POST", "/suggestions", EnumSet.of(RIDER), new Upload("empty.jpg", new byte[0])),
            new Endpoint("POST", "/suggestions/forum", DISPATCH, INVALID),
            new Endpoint("GET", "/suggestions/mine", EnumSet.of(RIDER), null),
            new Endpoint("GET", "/suggestions", DISPATCH, null),
            new Endpoint("GET", "/suggestions/{missing}", REPORTERS, null),
            new Endpoint("GET", "/suggestions/{missing}/photo", REPORTERS, null),
            new Endpoint("POST", "/suggestions/{missing}/answer", DISPATCH, INVALID),
            new Endpoint("POST", "/suggestions/{missing}/decision", ADMIN, INVALID),
            new Endpoint("POST", "/points/redemptions/handover", KEEPERS, INVALID),
            new Endpoint("POST", "/points/redemptions/{missing}/cancel", EnumSet.of(TENANT_ADMIN, RIDER), null),
            new Endpoint("GET", "/events", EnumSet.of(TENANT_ADMIN, DISPATCHER, HANDLER, STATION_KEEPER), null),
            new Endpoint("POST", "/events", ADMIN, INVALID),
            new Endpoint("GET", "/events/upcoming", EnumSet.of(RIDER), null),
            new Endpoint("GET", "/events/mine", EnumSet.of(RIDER), null),
            new Endpoint("POST", "/events/check-in", EnumSet.of(RIDER), INVALID),
            new Endpoint("GET", "/events/{missing}", ALL_MEMBERS, null),
            new Endpoint("PUT", "/events/{missing}", ADMIN, INVALID),
            new Endpoint("POST", "/events/{missing}/cancel", ADMIN, INVALID),
            new Endpoint("GET", "/events/{missing}/signups", EnumSet.of(TENANT_ADMIN, DISPATCHER, HANDLER,
                    STATION_KEEPER), null),
            new Endpoint("GET", "/events/{missing}/check-in-code", KEEPERS, null),
            new Endpoint("POST", "/events/{missing}/attendance", KEEPERS, INVALID),
            new Endpoint("POST", "/events/{missing}/signup", EnumSet.of(RIDER), null),
            new Endpoint("DELETE", "/events/{missing}/signup", EnumSet.of(RIDER), null),
            new Endpoint("GET", "/care/records", ADMIN, null),
            new Endpoint("GET", "/care/records/{missing}", ADMIN, null),
            new Endpoint("POST", "/care/records", ADMIN, INVALID),
            new Endpoint("PUT", "/care/records/{missing}", ADMIN, INVALID),
            new Endpoint("DELETE", "/care/records/{missing}", ADMIN, null),
            new Endpoint("POST", "/care/records/{missing}/reveal", ADMIN, null),
            new Endpoint("GET", "/care/totals", ADMIN, null),
            new Endpoint("POST", "/care/import", ADMIN, new Upload("empty.csv", new byte[0])),
            new Endpoint("GET", "/care/me", EnumSet.of(RIDER), null),
            new Endpoint("GET", "/notifications", MEMBERS, null),
            new Endpoint("GET", "/notifications/unread-count", MEMBERS, null),
            new Endpoint("POST", "/notifications/{missing}/read", MEMBERS, null),
            new Endpoint("POST", "/notifications/read-all", MEMBERS, null),
            new Endpoint("GET", "/notifications/stream", MEMBERS, STREAM),
            new Endpoint("GET", "/pairing/elders", CARE_STAFF, null),
            new Endpoint("GET", "/pairing/elders/{missing}", CARE_STAFF, null),
            new Endpoint("POST", "/pairing/elders/{missing}/reveal", CARE_STAFF, null),
            new Endpoint("POST", "/pairing/elders", CARE_STAFF, INVALID),
            new Endpoint("PUT", "/pairing/elders/{missing}", CARE_STAFF, INVALID),
            new Endpoint("POST", "/pairing/elders/{missing}/deactivate", CARE_STAFF, INVALID),
            new Endpoint("PUT", "/pairing/elders/{missing}/door-photo", CARE_STAFF, new Upload("empty.jpg", new byte[0])),
            new Endpoint("GET", "/pairing/elders/{missing}/door-photo", EnumSet.of(TENANT_ADMIN, HANDLER, RIDER), null),
            new Endpoint("POST", "/pairing/elders/import", CARE_STAFF, new Upload("empty.csv", new byte[0])),
            new Endpoint("GET", "/pairing/elders/import-template", CARE_STAFF, null),
            new Endpoint("GET", "/pairing/pairings", CARE_STAFF, null),
            new Endpoint("POST", "/pairing/pairings", CARE_STAFF, INVALID),
            new Endpoint("POST", "/pairing/pairings/{missing}/end", CARE_STAFF, INVALID),
            new Endpoint("GET", "/pairing/settings", ADMIN, null),
            new Endpoint("PUT", "/pairing/settings", ADMIN, INVALID),
            new Endpoint("GET", "/pairing/mine", EnumSet.of(RIDER), null),
            // care pairing 捎带手: riders' look-ins, the alerts the community's staff follow up
            new Endpoint("POST", "/pairing/mine/{missing}/visits", EnumSet.of(RIDER), INVALID),
            new Endpoint("GET", "/pairing/mine/{missing}/visits", EnumSet.of(RIDER), null),
            new Endpoint("GET", "/pairing/elders/{missing}/visits", EnumSet.of(TENANT_ADMIN, HANDLER), null),
            new Endpoint("GET", "/pairing/visits/{missing}/photo", EnumSet.of(RIDER, TENANT_ADMIN, HANDLER), null),
            new Endpoint("GET", "/pairing/alerts", EnumSet.of(TENANT_ADMIN, HANDLER), null),
            new Endpoint("GET", "/pairing/alerts/{missing}", EnumSet.of(TENANT_ADMIN, HANDLER), null),
            new Endpoint("POST", "/pairing/alerts/{missing}/follow-up", EnumSet.of(TENANT_ADMIN, HANDLER), INVALID),
            new Endpoint("GET", "/open311/keys", ADMIN, null),
            new Endpoint("POST", "/open311/keys", ADMIN, INVALID),
            new Endpoint("POST", "/open311/keys/{missing}/revoke", ADMIN, null),
            // Open311 GeoReport v2: public, the POST with the township's key (probed without a service_code)
            new Endpoint("GET", "/open311/v2/discovery.json", PUBLIC, null),
            new Endpoint("GET", "/open311/v2/services.json", PUBLIC, null),
            new Endpoint("GET", "/open311/v2/services/{service_code}.json", PUBLIC, null),
            new Endpoint("POST", "/open311/v2/requests.json", PUBLIC, new Form("api_key=" + OPEN311_KEY)),
            new Endpoint("GET", "/open311/v2/requests.json", PUBLIC, null),
            new Endpoint("GET", "/open311/v2/requests/{service_request_id}.json", PUBLIC, null),
            new Endpoint("GET", "/open311/v2/tokens/{token}.json", PUBLIC, null));

    private TenantEndpoints() {
    }

    /** The OpenAPI form of an endpoint's path, e.g. "GET /api/t/{tenant}/grids/{id}" (Open311: ".{format}"). */
    public static String openApiKey(Endpoint e) {
        String path = e.path().replaceAll("\\{(community|grid|missing)}", "{id}").replaceAll("\\?.*$", "")
                .replaceAll("\\.json$", ".{format}");
        return e.method() + " /api/t/{tenant}" + path;
    }
}
