package cn.fengxing.tenancy.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A part of the tenant manifest owned by a feature (communities, grids, stations, report
 * categories …). {@link TenantService#apply} hands each section present in the manifest to its
 * owner, inside the township's transaction, in {@link #order()}; an unknown section is refused.
 * Applying a section twice must change nothing the second time; sections add and update by code,
 * they never delete.
 */
public interface ManifestSection {

    /** The manifest key, e.g. {@code "grids"}. */
    String key();

    /** Sections that others refer to (communities before grids) come first. */
    int order();

    /**
     * Adds or updates this section's rows from the manifest; returns one line per change
     * ({@code "+ grid g1"}, {@code "~ grid g1"}). Bad input throws a validation problem whose
     * fields are prefixed with the section key.
     */
    List<String> apply(JsonNode section);

    /**
     * Called instead of {@link #apply} when the manifest does not name this section: a section whose
     * absence means "the defaults" (report categories) seeds them here, idempotently. Nothing by default.
     */
    default List<String> applyAbsent() {
        return List.of();
    }
}
