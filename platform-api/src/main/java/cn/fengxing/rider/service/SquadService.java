package cn.fengxing.rider.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.rider.api.SquadInput;
import cn.fengxing.rider.api.SquadView;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.entity.Squad;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Rider squads 小分队 with their leaders, of the current township. */
@ApplicationScoped
public class SquadService {

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    @Transactional
    public Page<SquadView> list(Long communityId, int page, int size) {
        var query = communityId == null ? Squad.findAll(Sort.by("name"))
                : Squad.find("communityId", Sort.by("name"), communityId);
        return new Page<>(query.page(page, size).<Squad>list(), page, size, query.count()).map(SquadService::view);
    }

    @Transactional
    public SquadView get(long id) {
        return view(require(id));
    }

    @Transactional
    public SquadView create(SquadInput input) {
        if (Squad.count("name", input.name()) > 0) {
            throw ProblemException.conflict("squad.name-taken", input.name());
        }
        Squad s = new Squad();
        write(s, input);
        s.persist();
        audit.record(tenant.code(), "squad.create", s.name, details(s));
        return view(s);
    }

    @Transactional
    public SquadView update(long id, SquadInput input) {
        Squad s = require(id);
        if (!s.name.equals(input.name()) && Squad.count("name", input.name()) > 0) {
            throw ProblemException.conflict("squad.name-taken", input.name());
        }
        write(s, input);
        audit.record(tenant.code(), "squad.update", s.name, details(s));
        return view(s);
    }

    @Transactional
    public void delete(long id) {
        Squad s = require(id);
        if (Rider.count("squadId", s.id) > 0) {
            throw ProblemException.conflict("squad.has-members", s.name);
        }
        s.delete();
        audit.record(tenant.code(), "squad.delete", s.name, Map.of());
    }

    private static void write(Squad s, SquadInput input) {
        if (input.communityId() != null && Community.findById(input.communityId()) == null) {
            throw ProblemException.badRequest("community.unknown", input.communityId());
        }
        if (input.leaderId() != null) {
            Rider leader = Rider.findById(input.leaderId());
            if (leader == null || s.id == null || !Objects.equals(leader.squadId, s.id) || !Rider.ACTIVE.equals(leader.status)) {
                throw ProblemException.badRequest("squad.leader");
            }
        }
        s.name = input.name();
        s.communityId = input.communityId();
        s.leaderId = input.leaderId();
    }

    private static Map<String, Object> details(Squad s) {
        Map<String, Object> d = new HashMap<>();
        d.put("communityId", s.communityId);
        d.put("leaderId", s.leaderId);
        return d;
    }

    private static SquadView view(Squad s) {
        Rider leader = s.leaderId == null ? null : Rider.findById(s.leaderId);
        return SquadView.of(s, leader == null ? null : leader.name, Rider.count("squadId", s.id));
    }

    static Squad require(long id) {
        return Squad.<Squad>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("squad.unknown", id));
    }
}
