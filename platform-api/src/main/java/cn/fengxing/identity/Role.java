package cn.fengxing.identity;

import cn.fengxing.common.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Roles of docs/product.md §1. Tenant roles are held per township; the last two are regional grants. */
public enum Role {
    RIDER("rider", true),                   // 流动网格员
    DISPATCHER("dispatcher", true),         // 值守专员
    HANDLER("handler", true),               // 网格员/部门
    STATION_KEEPER("station_keeper", true), // 驿站/商户
    TENANT_ADMIN("tenant_admin", true),     // 管理员
    REGION_VIEWER("region_viewer", false),  // 省/市/县
    PLATFORM_OPERATOR("platform_operator", false);

    public static final Set<Role> TENANT_ROLES = EnumSet.of(RIDER, DISPATCHER, HANDLER, STATION_KEEPER, TENANT_ADMIN);

    private final String code;
    public final boolean tenantRole;

    Role(String code, boolean tenantRole) {
        this.code = code;
        this.tenantRole = tenantRole;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The role with this code, or null when there is none. */
    @JsonCreator
    public static Role of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst().orElse(null);
    }

    /** The township role with this code; a 400 problem for an unknown code or a regional role. */
    public static Role tenantRole(String code) {
        Role role = of(code);
        if (role == null) {
            throw ProblemException.badRequest("role.unknown", code);
        }
        if (!role.tenantRole) {
            throw ProblemException.badRequest("role.tenant-only", code);
        }
        return role;
    }
}
