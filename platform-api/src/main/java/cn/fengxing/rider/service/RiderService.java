package cn.fengxing.rider.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Like;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.grid.entity.Grid;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.rider.api.GridRiderCount;
import cn.fengxing.rider.api.PersonalDataView;
import cn.fengxing.rider.api.Platform;
import cn.fengxing.rider.api.RegistrationInput;
import cn.fengxing.rider.api.RiderFields;
import cn.fengxing.rider.api.RiderUpdate;
import cn.fengxing.rider.api.RiderView;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.entity.RiderGrid;
import cn.fengxing.rider.entity.Squad;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Riders 骑手 of the current township: self-registration, the admin's roster (approval, suspension,
 * squads, grids) and access to their personal data. Every status change keeps the platform
 * membership in step ({@link RiderMembership}) and is audited.
 */
@ApplicationScoped
public class RiderService {

    /** Status changes an admin makes, with the statuses each starts from. */
    public enum Transition {
        approve(Set.of(Rider.PENDING), Rider.ACTIVE),
        suspend(Set.of(Rider.ACTIVE), Rider.SUSPENDED),
        resume(Set.of(Rider.SUSPENDED), Rider.ACTIVE),
        leave(Set.of(Rider.PENDING, Rider.ACTIVE, Rider.SUSPENDED), Rider.LEFT);

        final Set<String> from;
        final String to;

        Transition(Set<String> from, String to) {
            this.from = from;
            this.to = to;
        }
    }

    /** A registration and whether this call made it (a retry returns the existing one). */
    public record Registration(RiderView rider, boolean created) {
    }

    /** Filters of the admin's rider list; null means "any". */
    public record Filter(String status, Long squadId, Platform platform, Long gridId, String text) {
    }

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    RiderMembership memberships;

    @Inject
    RiderSettings settings;

    @Inject
    RiderBinding binding;

    // ---- self-registration

    /**
     * Registers the caller as a pending rider. Idempotent: a caller already registered gets their
     * record back. A caller whose phone an imported rider (not yet signed in) carries is bound to it
     * only with proof ({@link RiderBinding}); without, their registration is pending and claims that
     * rider until the admin approves it. A wrong binding code is counted, so it does not roll back.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Registration register(RegistrationInput input) {
        // one registration at a time per township, so retries racing each other make one rider
        Rider.getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "rider-registration:" + tenant.code()).getSingleResult();
        String subject = caller.subject();
        Rider own = Rider.bySubject(subject).orElse(null);
        if (own != null) {
            if (own.claimsRiderId != null && Rider.PENDING.equals(own.status)) {
                Rider claimed = require(own.claimsRiderId);
                Optional<RiderBinding.Proof> proof = binding.proof(claimed, input.bindingCode());
                if (proof.isPresent()) {
                    binding.bind(claimed, own, subject, proof.get());
                    return new Registration(ownView(claimed), false);
                }
            }
            return new Registration(ownView(own), false);
        }
        Rider byPhone = Rider.byPhone(input.phone()).orElse(null);
        if (byPhone != null && byPhone.subject != null) {
            throw ProblemException.conflict("rider.phone-taken");
        }
        if (byPhone == null && input.bindingCode() != null && !input.bindingCode().isBlank()) {
            throw ProblemException.invalid(List.of(new Violation("bindingCode", "rider.binding-code.invalid")));
        }
        if (byPhone != null) {
            Optional<RiderBinding.Proof> proof = binding.proof(byPhone, input.bindingCode());
            if (proof.isPresent()) {
                binding.bind(byPhone, null, subject, proof.get());
                return new Registration(ownView(byPhone), false);
            }
        }
        Rider r = new Rider();
        r.subject = subject;
        r.name = input.name();
        r.phone = input.phone();
        r.platform = input.platform().code();
        r.depot = input.depot();
        r.status = Rider.PENDING;
        r.claimsRiderId = byPhone == null ? null : byPhone.id;
        r.persist();
        Map<String, Object> details = new HashMap<>(Map.of("name", r.name));
        if (byPhone != null) {
            details.put("claims", byPhone.id);
        }
        audit.record(tenant.code(), "rider.register", String.valueOf(r.id), details);
        return new Registration(ownView(r), true);
    }

    @Transactional
    public RiderView myRegistration() {
        return ownView(Rider.bySubject(caller.subject())
                .orElseThrow(() -> ProblemException.notFound("rider.not-registered", tenant.code())));
    }

    // ---- the admin's roster

    @Transactional
    public Page<RiderView> list(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (f.status() != null) {
            where.append(" and status = :status");
            params.and("status", f.status());
        }
        if (f.squadId() != null) {
            where.append(" and squadId = :squad");
            params.and("squad", f.squadId());
        }
        if (f.platform() != null) {
            where.append(" and platform = :platform");
            params.and("platform", f.platform().code());
        }
        if (f.gridId() != null) {
            where.append(" and id in (select g.riderId from RiderGrid g where g.gridId = :grid)");
            params.and("grid", f.gridId());
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and lower(name) like :text escape '\\'");
            params.and("text", Like.containing(f.text()));
        }
        var query = Rider.find(where.toString(), Sort.by("name").and("id"), params);
        return views(query.page(page, size).list(), page, size, query.count());
    }

    @Transactional
    public RiderView get(long id) {
        return view(require(id));
    }

    @Transactional
    public RiderView update(long id, RiderUpdate input) {
        Rider r = require(id);
        RiderFields fields = settings.fields();
        if ((input.partyMember() != null && !fields.partyMember()) || (input.volunteer() != null && !fields.volunteer())) {
            throw ProblemException.badRequest("rider.field-off");
        }
        if (input.squadId() != null) {
            Squad.<Squad>findByIdOptional(input.squadId())
                    .orElseThrow(() -> ProblemException.badRequest("squad.unknown", input.squadId()));
        }
        if (r.squadId != null && !r.squadId.equals(input.squadId())) {
            dropLeadership(r);
        }
        r.name = input.name();
        r.platform = input.platform().code();
        r.depot = input.depot();
        r.squadId = input.squadId();
        if (input.partyMember() != null) {
            r.partyMember = input.partyMember();
        }
        if (input.volunteer() != null) {
            r.volunteer = input.volunteer();
        }
        r.updatedAt = OffsetDateTime.now();
        audit.record(tenant.code(), "rider.update", String.valueOf(r.id),
                Map.of("name", r.name, "platform", r.platform, "squadId", String.valueOf(r.squadId)));
        return view(r);
    }

    @Transactional
    public RiderView transition(long id, Transition t) {
        Rider r = require(id);
        if (!t.from.contains(r.status)) {
            throw ProblemException.conflict("rider.transition", r.status, t.name());
        }
        if (t == Transition.approve && r.claimsRiderId != null) {
            Rider claimed = require(r.claimsRiderId);
            if (claimed.subject != null) {
                throw ProblemException.conflict("rider.phone-taken");
            }
            binding.bind(claimed, r, r.subject, RiderBinding.Proof.approval);
            return view(claimed);
        }
        String from = r.status;
        r.status = t.to;
        r.updatedAt = OffsetDateTime.now();
        if (!Rider.ACTIVE.equals(r.status)) {
            dropLeadership(r); // a squad leader must be an active rider
        }
        memberships.sync(r);
        String action = switch (t) { // literal action codes, so the console's labels can be checked against them
            case approve -> "rider.approve";
            case suspend -> "rider.suspend";
            case resume -> "rider.resume";
            case leave -> "rider.leave";
        };
        audit.record(tenant.code(), action, String.valueOf(r.id), Map.of("from", from, "to", r.status));
        return view(r);
    }

    /** Replaces the grids a rider is assigned to. */
    @Transactional
    public RiderView assignGrids(long id, List<Long> gridIds) {
        Rider r = require(id);
        Set<Long> wanted = new HashSet<>(gridIds);
        for (Long gridId : wanted) {
            if (Grid.findById(gridId) == null) {
                throw ProblemException.badRequest("grid.unknown", gridId);
            }
        }
        Set<Long> held = new HashSet<>();
        for (RiderGrid g : RiderGrid.<RiderGrid>list("riderId", r.id)) {
            if (wanted.contains(g.gridId)) {
                held.add(g.gridId);
            } else {
                g.delete();
            }
        }
        for (Long gridId : wanted) {
            if (!held.contains(gridId)) {
                RiderGrid g = new RiderGrid();
                g.riderId = r.id;
                g.gridId = gridId;
                g.persist();
            }
        }
        audit.record(tenant.code(), "rider.grids", String.valueOf(r.id), Map.of("gridIds", wanted.stream().sorted().toList()));
        return view(r);
    }

    /** The unmasked phone and ID number of a rider; the reveal is audited (who, which rider, which fields). */
    @Transactional
    public PersonalDataView reveal(long id) {
        Rider r = require(id);
        List<String> fields = r.idNumber == null ? List.of("phone") : List.of("phone", "idNumber");
        audit.record(tenant.code(), "rider.reveal", String.valueOf(r.id), Map.of("rider", r.name, "fields", fields));
        return new PersonalDataView(r.id, r.phone, r.idNumber);
    }

    // ---- riders by grid

    @Transactional
    public Page<RiderView> ofGrid(long gridId, int page, int size) {
        if (Grid.findById(gridId) == null) {
            throw ProblemException.notFound("grid.unknown", gridId);
        }
        var query = Rider.find("id in (select g.riderId from RiderGrid g where g.gridId = ?1)", Sort.by("name").and("id"), gridId);
        return views(query.page(page, size).list(), page, size, query.count());
    }

    /** Riders assigned per grid, for every grid that has any (the grid list shows these counts). */
    @Transactional
    public List<GridRiderCount> countsByGrid() {
        List<Object[]> rows = RiderGrid.getEntityManager()
                .createQuery("select g.gridId, count(g) from RiderGrid g group by g.gridId order by g.gridId", Object[].class)
                .getResultList();
        return rows.stream().map(row -> new GridRiderCount((Long) row[0], (Long) row[1])).toList();
    }

    // ---- shared

    static Rider require(long id) {
        return Rider.<Rider>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("rider.unknown", id));
    }

    /** Clears the rider's leadership of a squad, when they leave it or stop being active. */
    static void dropLeadership(Rider r) {
        Squad.update("leaderId = null where leaderId = ?1", r.id);
    }

    private RiderView view(Rider r) {
        return views(List.of(r), 0, 1, 1).items().get(0);
    }

    /** The person's own record: it does not tell them whose record they claim. */
    private RiderView ownView(Rider r) {
        return RiderView.of(r, settings.fields(), gridIds(List.of(r.id)).getOrDefault(r.id, List.of()), null);
    }

    private Page<RiderView> views(List<Rider> riders, int page, int size, long total) {
        RiderFields fields = settings.fields();
        Map<Long, List<Long>> grids = gridIds(riders.stream().map(r -> r.id).toList());
        List<Long> claimedIds = riders.stream().map(r -> r.claimsRiderId).filter(Objects::nonNull).distinct().toList();
        Map<Long, String> claimed = claimedIds.isEmpty() ? Map.of() : Rider.<Rider>list("id in ?1", claimedIds).stream()
                .collect(Collectors.toMap(r -> r.id, r -> r.name));
        return new Page<>(riders, page, size, total).map(r -> RiderView.of(r, fields, grids.getOrDefault(r.id, List.of()),
                r.claimsRiderId == null ? null : new RiderView.ClaimedRider(r.claimsRiderId, claimed.get(r.claimsRiderId))));
    }

    private static Map<Long, List<Long>> gridIds(List<Long> riderIds) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        if (riderIds.isEmpty()) {
            return out;
        }
        for (RiderGrid g : RiderGrid.<RiderGrid>list("riderId in ?1", Sort.by("gridId"), riderIds)) {
            out.computeIfAbsent(g.riderId, k -> new ArrayList<>()).add(g.gridId);
        }
        return out;
    }
}
