package cn.fengxing.identity.access;

import cn.fengxing.identity.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Regional roles (granted in {@code region_grant}) that may call a platform-level endpoint. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PlatformAccess {
    Role[] value();
}
