package cn.fengxing.identity.access;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemType;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one place that resolves the tenant of a request and decides whether the caller may make it.
 * Every API operation must carry {@link TenantAccess}, {@link PlatformAccess}, {@link SignedIn} or
 * {@link PublicAccess}; one without a rule is refused (fail closed).
 */
public class AccessFilter {

    public static final String TENANT_PARAM = "tenant";

    @Inject
    Caller caller;

    @Inject
    TenantContext tenantContext;

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        // one short read transaction, so no Hibernate session outlives the check with no tenant set
        QuarkusTransaction.joiningExisting().run(() -> decide(request, resource));
    }

    private void decide(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return; // no API operation matched: answered as 404/405 by the problem mapper
        }
        TenantAccess tenantAccess = find(method, resource.getResourceClass(), TenantAccess.class);
        PlatformAccess platformAccess = find(method, resource.getResourceClass(), PlatformAccess.class);
        SignedIn signedIn = find(method, resource.getResourceClass(), SignedIn.class);
        PublicAccess publicAccess = find(method, resource.getResourceClass(), PublicAccess.class);
        String tenant = request.getUriInfo().getPathParameters().getFirst(TENANT_PARAM);
        if (tenantAccess == null && platformAccess == null && signedIn == null && publicAccess == null) {
            throw ProblemException.forbidden("access.no-rule");
        }
        if (publicAccess == null && !caller.signedIn()) {
            throw new UnauthorizedException();
        }
        if (publicAccess != null || signedIn != null) {
            // open to anyone (signed in): under a township path, the township must exist and be active
            if (tenant != null) {
                if (requireTenant(tenant).suspended()) {
                    throw new ProblemException(ProblemType.TENANT_SUSPENDED, "tenant.suspended", null, tenant);
                }
                tenantContext.set(tenant);
            }
            return;
        }
        if (tenantAccess != null) {
            checkTenant(tenant, tenantAccess.value());
        } else if (platformAccess != null
                && Arrays.stream(platformAccess.value()).noneMatch(caller::holds)) {
            throw ProblemException.forbidden("access.platform-role");
        }
    }

    private static Tenant requireTenant(String code) {
        return Tenant.byCode(code).orElseThrow(() -> ProblemException.notFound("tenant.unknown", code));
    }

    private void checkTenant(String code, Role[] allowed) {
        Tenant tenant = requireTenant(code);
        boolean operator = caller.isPlatformOperator();
        if (tenant.suspended() && !operator) {
            throw new ProblemException(ProblemType.TENANT_SUSPENDED, "tenant.suspended", null, code);
        }
        Set<Role> held = caller.tenantRoles().containsKey(code)
                ? EnumSet.copyOf(caller.tenantRoles().get(code)) : EnumSet.noneOf(Role.class);
        if (operator) {
            held.add(Role.PLATFORM_OPERATOR);
        }
        if (Arrays.stream(allowed).noneMatch(held::contains)) {
            throw ProblemException.forbidden(held.isEmpty() ? "access.not-member" : "access.tenant-role", code);
        }
        tenantContext.set(code);
    }

    private static <A extends java.lang.annotation.Annotation> A find(Method method, Class<?> type, Class<A> annotation) {
        A onMethod = method.getAnnotation(annotation);
        return onMethod != null ? onMethod : ((AnnotatedElement) type).getAnnotation(annotation);
    }
}
