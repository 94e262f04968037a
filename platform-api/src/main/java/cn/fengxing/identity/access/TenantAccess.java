package cn.fengxing.identity.access;

import cn.fengxing.identity.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Roles that may call an endpoint under {@code /api/t/{tenant}}; the caller must hold one of them in
 * that township (a platform operator counts as holding {@link Role#PLATFORM_OPERATOR} everywhere).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TenantAccess {
    Role[] value();
}
