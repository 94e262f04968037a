package cn.fengxing.tenancy.service;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Hands Hibernate's discriminator multitenancy the tenant of the current unit of work. */
@PersistenceUnitExtension
@ApplicationScoped
public class HibernateTenantResolver implements TenantResolver {

    @Inject
    TenantContext context;

    @Override
    public String getDefaultTenantId() {
        return TenantContext.NONE;
    }

    @Override
    public String resolveTenantId() {
        return Arc.container().requestContext().isActive() ? context.code() : TenantContext.NONE;
    }
}
