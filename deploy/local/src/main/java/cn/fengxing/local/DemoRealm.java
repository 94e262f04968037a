package cn.fengxing.local;

import java.util.List;

/**
 * Names and fixed subjects of the demo realm, {@code deploy/demo/keycloak/fengxing-realm.json}. Tests and the
 * launcher use these constants instead of repeating literals; the realm file is the other copy (the
 * local-stack tests check that both agree with what Keycloak issues).
 *
 * <p>Keycloak holds identities only: roles, memberships and regional grants live in the platform database.
 * The subjects here are what the platform stores.
 */
public final class DemoRealm {

    public static final String REALM = "fengxing";
    /** Password of every demo user. Demo realm only. */
    public static final String PASSWORD = "fengxing";

    /** Public client of the web UI (authorization code + PKCE S256; password grant enabled for tests). */
    public static final String WEB_CLIENT_ID = "fengxing-web";
    /** Confidential client of the operator CLI (client credentials). */
    public static final String TENANT_ADMIN_CLIENT_ID = "tenant-admin";
    public static final String TENANT_ADMIN_CLIENT_SECRET = "tenant-admin-secret";
    /**
     * Confidential client of the platform API's account provisioning (client credentials): its service account holds
     * only realm-management manage-users, view-users and query-users (fengxing.identity.keycloak.*).
     */
    public static final String PROVISIONER_CLIENT_ID = "fengxing-provisioner";
    public static final String PROVISIONER_CLIENT_SECRET = "fengxing-provisioner-secret";
    public static final String PROVISIONER_SERVICE_ACCOUNT_SUBJECT = "00000000-0000-4000-8000-000000000003";
    /** Audience both clients put in their access tokens (an audience mapper in the realm file). */
    public static final String API_AUDIENCE = "fengxing-api";

    /** Keycloak's bootstrap admin of the master realm (admin console), local runs only. */
    public static final String KEYCLOAK_ADMIN_USERNAME = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";

    public static final String OPERATOR_USERNAME = "operator";
    public static final String OPERATOR_SUBJECT = "00000000-0000-4000-8000-000000000001";

    /** The service account of client {@value #TENANT_ADMIN_CLIENT_ID}: the subject of client-credentials tokens. */
    public static final String TENANT_ADMIN_SERVICE_ACCOUNT_USERNAME = "service-account-tenant-admin";
    public static final String TENANT_ADMIN_SERVICE_ACCOUNT_SUBJECT = "00000000-0000-4000-8000-000000000002";

    public static final String NINGXIANG_ADMIN_USERNAME = "ningxiang-admin";
    public static final String NINGXIANG_ADMIN_SUBJECT = "00000000-0000-4000-8000-000000000101";
    public static final String BEIDAJIE_ADMIN_USERNAME = "beidajie-admin";
    public static final String BEIDAJIE_ADMIN_SUBJECT = "00000000-0000-4000-8000-000000000102";
    public static final String SHANYANG_ADMIN_USERNAME = "shanyang-admin";
    public static final String SHANYANG_ADMIN_SUBJECT = "00000000-0000-4000-8000-000000000103";
    public static final String GONGCHENG_ADMIN_USERNAME = "gongcheng-admin";
    public static final String GONGCHENG_ADMIN_SUBJECT = "00000000-0000-4000-8000-000000000104";
    public static final String YUETAN_ADMIN_USERNAME = "yuetan-admin";
    public static final String YUETAN_ADMIN_SUBJECT = "00000000-0000-4000-8000-000000000105";

    public static final String NINGXIANG_DISPATCHER_USERNAME = "ningxiang-dispatcher";
    public static final String NINGXIANG_DISPATCHER_SUBJECT = "00000000-0000-4000-8000-000000000201";
    public static final String NINGXIANG_HANDLER_USERNAME = "ningxiang-handler";
    public static final String NINGXIANG_HANDLER_SUBJECT = "00000000-0000-4000-8000-000000000202";
    public static final String NINGXIANG_KEEPER_USERNAME = "ningxiang-keeper";
    public static final String NINGXIANG_KEEPER_SUBJECT = "00000000-0000-4000-8000-000000000203";
    /** A rider in two tenants, ningxiang and beidajie (one identity, memberships in both). */
    public static final String RIDER_USERNAME = "rider";
    public static final String RIDER_SUBJECT = "00000000-0000-4000-8000-000000000204";

    /** 月坛西街社区's grid worker 网格员: follows up care-pairing alerts of the community's elders. */
    public static final String YUETAN_WORKER_USERNAME = "yuetan-worker";
    public static final String YUETAN_WORKER_SUBJECT = "00000000-0000-4000-8000-000000000205";
    /** A 月坛 rider paired with a lone elder of 月坛西街社区 (捎带手). */
    public static final String YUETAN_RIDER_USERNAME = "yuetan-rider";
    public static final String YUETAN_RIDER_SUBJECT = "00000000-0000-4000-8000-000000000206";

    /** Provincial staff of 山西省 (region_viewer grant on the region path 山西省). */
    public static final String SHANXI_VIEWER_USERNAME = "shanxi-viewer";
    public static final String SHANXI_VIEWER_SUBJECT = "00000000-0000-4000-8000-000000000301";

    /** A demo identity: login name, token subject, and what it is for (shown in the launcher's banner). */
    public record User(String username, String subject, String description) {
    }

    public static final User OPERATOR = new User(OPERATOR_USERNAME, OPERATOR_SUBJECT,
            "平台运营 platform operator (platform_operator)");
    public static final User TENANT_ADMIN_SERVICE_ACCOUNT = new User(TENANT_ADMIN_SERVICE_ACCOUNT_USERNAME,
            TENANT_ADMIN_SERVICE_ACCOUNT_SUBJECT, "service account of the tenant-admin CLI (platform_operator)");
    public static final User NINGXIANG_ADMIN = new User(NINGXIANG_ADMIN_USERNAME, NINGXIANG_ADMIN_SUBJECT,
            "宁乡镇 tenant admin (tenant_admin @ ningxiang)");
    public static final User BEIDAJIE_ADMIN = new User(BEIDAJIE_ADMIN_USERNAME, BEIDAJIE_ADMIN_SUBJECT,
            "北大街街道 tenant admin (tenant_admin @ beidajie)");
    public static final User SHANYANG_ADMIN = new User(SHANYANG_ADMIN_USERNAME, SHANYANG_ADMIN_SUBJECT,
            "山阳区 tenant admin (tenant_admin @ shanyang)");
    public static final User GONGCHENG_ADMIN = new User(GONGCHENG_ADMIN_USERNAME, GONGCHENG_ADMIN_SUBJECT,
            "工程街道 tenant admin (tenant_admin @ gongcheng)");
    public static final User YUETAN_ADMIN = new User(YUETAN_ADMIN_USERNAME, YUETAN_ADMIN_SUBJECT,
            "月坛街道 tenant admin (tenant_admin @ yuetan)");
    public static final User NINGXIANG_DISPATCHER = new User(NINGXIANG_DISPATCHER_USERNAME,
            NINGXIANG_DISPATCHER_SUBJECT, "宁乡镇 值守专员 duty dispatcher (dispatcher @ ningxiang)");
    public static final User NINGXIANG_HANDLER = new User(NINGXIANG_HANDLER_USERNAME, NINGXIANG_HANDLER_SUBJECT,
            "宁乡镇 网格员 grid worker (handler @ ningxiang)");
    public static final User NINGXIANG_KEEPER = new User(NINGXIANG_KEEPER_USERNAME, NINGXIANG_KEEPER_SUBJECT,
            "驿站 station keeper in 宁乡镇 and 北大街街道 (station_keeper @ ningxiang, beidajie)");
    public static final User RIDER = new User(RIDER_USERNAME, RIDER_SUBJECT,
            "骑手 rider in ningxiang and beidajie (rider)");
    public static final User YUETAN_WORKER = new User(YUETAN_WORKER_USERNAME, YUETAN_WORKER_SUBJECT,
            "月坛西街社区 网格员 community grid worker (handler @ yuetan)");
    public static final User YUETAN_RIDER = new User(YUETAN_RIDER_USERNAME, YUETAN_RIDER_SUBJECT,
            "骑手 rider in yuetan, paired with a lone elder (rider)");
    public static final User SHANXI_VIEWER = new User(SHANXI_VIEWER_USERNAME, SHANXI_VIEWER_SUBJECT,
            "山西省 provincial staff (region_viewer @ 山西省)");

    /** Every demo user that signs in with {@link #PASSWORD}, in banner order. */
    public static final List<User> PEOPLE = List.of(OPERATOR, NINGXIANG_ADMIN, BEIDAJIE_ADMIN, SHANYANG_ADMIN,
            GONGCHENG_ADMIN, YUETAN_ADMIN, NINGXIANG_DISPATCHER, NINGXIANG_HANDLER, NINGXIANG_KEEPER, RIDER,
            YUETAN_WORKER, YUETAN_RIDER, SHANXI_VIEWER);

    /** Subjects the platform bootstraps as operators ({@code FENGXING_BOOTSTRAP_OPERATORS}). */
    public static final List<String> BOOTSTRAP_OPERATOR_SUBJECTS = List.of(OPERATOR_SUBJECT,
            TENANT_ADMIN_SERVICE_ACCOUNT_SUBJECT);

    private DemoRealm() {
    }
}
