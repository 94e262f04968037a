package cn.fengxing.identity.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Open without a token (sign-in settings, a township's public profile and keys). Under
 * {@code /api/t/{tenant}} the tenant is still resolved: unknown is 404, suspended is 403.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicAccess {
}
