package cn.fengxing.platform.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.identity.Role;
import cn.fengxing.identity.entity.Membership;
import cn.fengxing.identity.service.IdentityDirectory;
import cn.fengxing.identity.service.IdentityDirectory.Handle;
import cn.fengxing.identity.service.Members;
import cn.fengxing.platform.api.ApplyResult;
import cn.fengxing.platform.api.TenantManifest;
import cn.fengxing.platform.api.TenantView;
import cn.fengxing.region.service.TownshipFigures;
import cn.fengxing.tenancy.entity.Region;
import cn.fengxing.tenancy.entity.Tenant;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.RegionService;
import cn.fengxing.tenancy.service.TenantWork;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Onboarding and lifecycle of townships: apply a manifest, list, suspend, resume. */
@ApplicationScoped
public class TenantService {

    @Inject
    TownshipFigures figures;

    @Inject
    TenantWork tenantWork;

    @Inject
    RegionService regions;

    @Inject
    Instance<ManifestSection> sections;

    @Inject
    AuditLog audit;

    @Inject
    Members members;

    @Inject
    IdentityDirectory directory;

    /**
     * Creates or updates the township described by the manifest, in one transaction bound to that
     * tenant (so its communities and grids are written under row-level security).
     */
    public ApplyResult apply(String code, TenantManifest manifest, boolean dryRun) {
        if (!code.equals(manifest.code())) {
            throw ProblemException.badRequest("tenant.code-mismatch", manifest.code(), code);
        }
        String timeZone = manifest.timeZone() == null ? Tenant.DEFAULT_TIME_ZONE : manifest.timeZone();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("timezone.invalid", timeZone);
        }
        checkRoles(manifest.members());
        checkSections(manifest.sections().keySet());
        return tenantWork.inTenant(code, dryRun, () -> {
            List<String> changes = new ArrayList<>();
            List<ApplyResult.NewAccount> accounts = new ArrayList<>();
            Tenant tenant = Tenant.byCode(code).orElse(null);
            boolean created = tenant == null;
            if (created) {
                tenant = new Tenant();
                tenant.code = code;
                changes.add("+ tenant " + code);
            }
            Region region = regions.ensure(manifest.region(), changes);
            // the manifest sets the settings it names, down to single values; others (e.g. the map
            // tiles an admin chose in the console) stay
            Map<String, Object> settings = merge(tenant.settings == null ? Map.of() : tenant.settings,
                    manifest.settings() == null ? Map.of() : manifest.settings());
            boolean changed = track(changes, created, "name", tenant.name, manifest.name())
                    | track(changes, created, "nameEn", tenant.nameEn, manifest.nameEn())
                    | track(changes, created, "region", tenant.region == null ? null : tenant.region.path, region.path)
                    | track(changes, created, "timeZone", tenant.timeZone, timeZone)
                    | track(changes, created, "settings", tenant.settings, settings);
            tenant.name = manifest.name();
            tenant.nameEn = manifest.nameEn();
            tenant.region = region;
            tenant.timeZone = timeZone;
            tenant.settings = settings;
            if (created || changed) {
                tenant.updatedAt = OffsetDateTime.now();
                tenant.persist();
                Tenant.getEntityManager().flush(); // tenant rows below reference it
            }
            applyMembers(code, manifest.members(), dryRun, changes, accounts);
            for (ManifestSection section : sections.stream()
                    .sorted(Comparator.comparingInt(ManifestSection::order)).toList()) {
                JsonNode node = manifest.sections().get(section.key());
                changes.addAll(node == null || node.isNull() ? section.applyAbsent() : section.apply(node));
            }
            ApplyResult.Outcome outcome = created ? ApplyResult.Outcome.created
                    : changes.isEmpty() ? ApplyResult.Outcome.unchanged : ApplyResult.Outcome.updated;
            if (!changes.isEmpty()) {
                audit.record(code, "tenant.apply", code, Map.of("outcome", outcome.name(), "changes", changes));
            }
            return new ApplyResult(code, outcome, dryRun, changes, accounts);
        });
    }

    @Transactional
    public Page<TenantView> list(int page, int size) {
        var query = Tenant.findAll(Sort.by("region.path").and("name").and("code"));
        List<Tenant> townships = query.page(page, size).<Tenant>list();
        // this page's townships only
        Map<String, Map<String, Double>> counted = figures.thisYear(townships.stream().map(t -> t.code).toList(),
                TenantView.FIGURES);
        return new Page<>(townships, page, size, query.count()).map(t -> TenantView.of(t, counted.get(t.code)));
    }

    @Transactional
    public TenantView get(String code) {
        return view(require(code));
    }

    private TenantView view(Tenant t) {
        return TenantView.of(t, figures.thisYear(List.of(t.code), TenantView.FIGURES).get(t.code));
    }

    @Transactional
    public TenantView setStatus(String code, String status) {
        Tenant tenant = require(code);
        if (!status.equals(tenant.status)) {
            audit.record(code, Tenant.SUSPENDED.equals(status) ? "tenant.suspend" : "tenant.resume", code,
                    Map.of("from", tenant.status, "to", status));
            tenant.status = status;
            tenant.updatedAt = OffsetDateTime.now();
        }
        return view(tenant);
    }

    static Tenant require(String code) {
        return Tenant.byCode(code).orElseThrow(() -> ProblemException.notFound("tenant.unknown", code));
    }

    private void applyMembers(String code, List<TenantManifest.Member> specs, boolean dryRun, List<String> changes,
                              List<ApplyResult.NewAccount> accounts) {
        if (specs == null) {
            return;
        }
        for (TenantManifest.Member spec : specs) {
            String[] roles = spec.roles().stream().distinct().sorted().toArray(String[]::new);
            String subject = spec.subject() == null ? null : spec.subject().strip();
            String named = subject;
            if (subject == null) {
                Handle handle = Handle.of(spec.username(), spec.phone(), spec.email());
                named = handle.toString();
                if (!directory.available()) {
                    // no directory to create accounts in: whoever signs in with this e-mail or phone verified
                    if (members.invite(code, handle.kind() == Handle.Kind.email ? handle.value() : null,
                            handle.kind() == Handle.Kind.phone ? handle.value() : null,
                            spec.name() == null ? handle.value() : spec.name(), List.of(roles), "manifest")) {
                        changes.add("+ invitation " + handle + " " + String.join(",", roles));
                    }
                    continue;
                }
                // a dry run looks the account up and never creates it
                if (dryRun) {
                    subject = directory.find(handle).orElse(null);
                    if (subject == null) {
                        changes.add("+ account " + handle);
                        changes.add("+ member " + handle + " " + String.join(",", roles));
                        continue;
                    }
                } else {
                    String name = spec.name() == null ? handle.value() : spec.name();
                    IdentityDirectory.Account account = directory.findOrCreate(handle, name);
                    subject = account.subject();
                    if (account.created()) {
                        changes.add("+ account " + handle);
                        accounts.add(new ApplyResult.NewAccount(handle.value(), name, account.oneTimePassword()));
                    }
                }
            }
            Membership m = members.find(code, subject).orElse(null);
            if (m == null) {
                m = new Membership();
                m.tenantCode = code;
                m.subject = subject;
                changes.add("+ member " + named + " " + String.join(",", roles));
            } else if (!Arrays.equals(m.roles, roles) || !Objects.equals(m.name, spec.name())
                    || !Membership.ACTIVE.equals(m.status)) {
                changes.add("~ member " + named + " " + String.join(",", roles));
            } else {
                continue;
            }
            m.name = spec.name();
            m.roles = roles;
            m.status = Membership.ACTIVE;
            m.persist();
        }
    }

    private void checkSections(Set<String> keys) {
        Set<String> known = sections.stream().map(ManifestSection::key).collect(Collectors.toSet());
        for (String key : keys) {
            if (!known.contains(key)) {
                throw ProblemException.badRequest("manifest.unknown-section", key);
            }
        }
    }

    private void checkRoles(List<TenantManifest.Member> members) {
        if (members == null) {
            return;
        }
        for (TenantManifest.Member m : members) {
            m.roles().forEach(Role::tenantRole);
            if (m.subject() == null || m.subject().isBlank()) {
                Handle handle = Handle.of(m.username(), m.phone(), m.email());
                if (handle.kind() == Handle.Kind.username && !directory.available()) {
                    throw ProblemException.badRequest("member.username-needs-directory");
                }
            } else if (m.username() != null || m.phone() != null || m.email() != null) {
                throw ProblemException.badRequest("member.handle-one");
            }
        }
    }

    /** {@code base} with every value of {@code update}; nested objects are merged the same way. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> update) {
        Map<String, Object> merged = new HashMap<>(base);
        update.forEach((key, value) -> merged.merge(key, value, (old, now) ->
                old instanceof Map<?, ?> o && now instanceof Map<?, ?> n
                        ? merge((Map<String, Object>) o, (Map<String, Object>) n) : now));
        return merged;
    }

    /** Adds a change line when a field differs; on creation the "+ tenant" line says it all. */
    private static boolean track(List<String> changes, boolean created, String field, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return false;
        }
        if (!created) {
            changes.add("~ " + field + ": " + before + " -> " + after);
        }
        return true;
    }
}
