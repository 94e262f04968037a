package cn.fengxing.tenancy.service;

import jakarta.enterprise.context.RequestScoped;

/**
 * The township the current unit of work belongs to. Set in exactly two places: the access filter
 * (from the request path, after the membership check) and {@link TenantWork} (everything else).
 * Empty means "no tenant": Hibernate filters on a code no tenant can have and the database
 * session carries no tenant, so no tenant row is visible (fail closed).
 */
@RequestScoped
public class TenantContext {

    /** Not a valid tenant code (codes start with a letter), so it matches no row. */
    public static final String NONE = "-";

    private String code;

    public String code() {
        return code == null ? NONE : code;
    }

    public boolean isSet() {
        return code != null;
    }

    public void set(String code) {
        this.code = code;
    }
}
