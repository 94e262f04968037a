package cn.fengxing.points.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.points.api.RewardInput;
import cn.fengxing.points.api.RewardView;
import cn.fengxing.points.entity.Redemption;
import cn.fengxing.points.entity.Reward;
import cn.fengxing.station.entity.Station;
import cn.fengxing.tenancy.service.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The township's reward catalogue 兑换物品: what riders may redeem, for how many points, where they collect it. */
@ApplicationScoped
public class Rewards {

    @Inject
    TenantContext tenant;

    @Inject
    AuditLog audit;

    /** Rewards by cost then code; {@code activeOnly} for riders (what they may redeem now). */
    @Transactional
    public Page<RewardView> list(boolean activeOnly, int page, int size) {
        Sort order = Sort.by("cost").and("code");
        var query = activeOnly ? Reward.find("active", order, true) : Reward.findAll(order);
        return new Page<>(views(query.page(page, size).list()), page, size, query.count());
    }

    @Transactional
    public RewardView create(RewardInput input) {
        if (Reward.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("points.reward-code-taken", input.code());
        }
        Reward reward = new Reward();
        write(reward, input, "");
        reward.persist();
        audit.record(tenant.code(), "points.reward.create", reward.code, Map.of("cost", reward.cost,
                "stock", reward.stock));
        return views(List.of(reward)).get(0);
    }

    @Transactional
    public RewardView update(long id, RewardInput input) {
        Reward reward = require(id);
        if (!reward.code.equals(input.code()) && Reward.byCode(input.code()).isPresent()) {
            throw ProblemException.conflict("points.reward-code-taken", input.code());
        }
        if (write(reward, input, "")) {
            audit.record(tenant.code(), "points.reward.update", reward.code, Map.of("cost", reward.cost,
                    "stock", reward.stock, "active", reward.active));
        }
        return views(List.of(reward)).get(0);
    }

    /** Adds or updates the manifest's rewards by code; one line per change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(List<RewardInput> specs, String field) {
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            RewardInput spec = specs.get(i);
            Reward reward = Reward.byCode(spec.code()).orElse(null);
            if (reward == null) {
                reward = new Reward();
                write(reward, spec, field + "[" + i + "].");
                reward.persist();
                changes.add("+ reward " + reward.code);
            } else if (write(reward, spec, field + "[" + i + "].")) {
                changes.add("~ reward " + reward.code);
            }
        }
        return changes;
    }

    /** The reward; an unknown one is a 404 problem. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reward require(long id) {
        return Reward.<Reward>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("points.reward-unknown", id));
    }

    private static boolean write(Reward reward, RewardInput in, String prefix) {
        Station station = Station.byCode(in.station()).orElseThrow(() -> ProblemException.invalid(List.of(
                new Violation(prefix + "station", "station.unknown", in.station()))));
        List<Object> before = reward.settable();
        reward.code = in.code();
        reward.name = in.name().strip();
        reward.description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        reward.cost = in.cost();
        reward.stock = in.stock();
        reward.stationId = station.id;
        reward.collectDays = in.collectDays() == null ? 14 : in.collectDays();
        reward.active = !Boolean.FALSE.equals(in.active());
        boolean changed = !Objects.equals(before, reward.settable());
        if (changed) {
            reward.updatedAt = OffsetDateTime.now();
        }
        return changed;
    }

    List<RewardView> views(List<Reward> rewards) {
        Set<Long> stationIds = rewards.stream().map(r -> r.stationId).collect(Collectors.toSet());
        Map<Long, Station> stations = new HashMap<>();
        if (!stationIds.isEmpty()) {
            Station.<Station>list("id in ?1", stationIds).forEach(s -> stations.put(s.id, s));
        }
        Map<Long, Integer> reserved = new HashMap<>();
        if (!rewards.isEmpty()) {
            Panache.getEntityManager().createQuery("select d.rewardId, count(d) from Redemption d where d.status = "
                            + ":reserved and d.rewardId in :ids group by d.rewardId", Object[].class)
                    .setParameter("reserved", Redemption.RESERVED)
                    .setParameter("ids", rewards.stream().map(r -> r.id).toList()).getResultList()
                    .forEach(row -> reserved.put((Long) row[0], ((Number) row[1]).intValue()));
        }
        return rewards.stream().map(r -> {
            Station s = stations.get(r.stationId);
            return new RewardView(r.id, r.code, r.name, r.description, r.cost, r.stock,
                    reserved.getOrDefault(r.id, 0), r.stationId, s == null ? null : s.name,
                    s == null ? null : s.address, r.collectDays, r.active);
        }).toList();
    }
}
