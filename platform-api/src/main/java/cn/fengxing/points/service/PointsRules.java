package cn.fengxing.points.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.points.api.PointsAction;
import cn.fengxing.points.api.PointsRuleInput;
import cn.fengxing.points.api.PointsRuleView;
import cn.fengxing.points.entity.PointsRule;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The township's points rules 积分规则, one per action, set by its admin or its manifest. */
@ApplicationScoped
public class PointsRules {

    @Inject
    TenantContext tenant;

    @Inject
    AuditLog audit;

    /** Every action, configured or not, in the actions' order. */
    @Transactional
    public List<PointsRuleView> list() {
        Map<String, PointsRule> rules = new HashMap<>();
        PointsRule.<PointsRule>listAll().forEach(r -> rules.put(r.action, r));
        return Arrays.stream(PointsAction.values())
                .map(a -> rules.containsKey(a.code()) ? PointsRuleView.of(rules.get(a.code())) : PointsRuleView.unset(a))
                .toList();
    }

    @Transactional
    public PointsRuleView put(PointsRuleInput in) {
        PointsAction action = in.action();
        PointsRule rule = PointsRule.byAction(action.code()).orElse(null);
        boolean created = rule == null;
        if (created) {
            rule = new PointsRule();
            rule.action = action.code();
        }
        if (write(rule, in) || created) {
            if (created) {
                rule.persist();
            }
            audit.record(tenant.code(), "points.rule", action.code(), Map.of("points", rule.points,
                    "needsApproval", rule.needsApproval, "active", rule.active));
        }
        return PointsRuleView.of(rule);
    }

    /** Adds or updates the manifest's rules by action; one line per change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> apply(List<PointsRuleInput> specs) {
        List<String> changes = new ArrayList<>();
        for (PointsRuleInput spec : specs) {
            PointsRule rule = PointsRule.byAction(spec.action().code()).orElse(null);
            if (rule == null) {
                rule = new PointsRule();
                rule.action = spec.action().code();
                write(rule, spec);
                rule.persist();
                changes.add("+ points rule " + rule.action);
            } else if (write(rule, spec)) {
                changes.add("~ points rule " + rule.action);
            }
        }
        return changes;
    }

    private static boolean write(PointsRule rule, PointsRuleInput in) {
        List<Object> before = rule.settable();
        rule.points = in.points();
        rule.dailyCap = in.dailyCap();
        rule.monthlyCap = in.monthlyCap();
        rule.needsApproval = Boolean.TRUE.equals(in.needsApproval());
        rule.active = !Boolean.FALSE.equals(in.active());
        boolean changed = !Objects.equals(before, rule.settable());
        if (changed) {
            rule.updatedAt = OffsetDateTime.now();
        }
        return changed;
    }
}
