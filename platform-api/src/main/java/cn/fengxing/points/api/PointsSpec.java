package cn.fengxing.points.api;

import jakarta.validation.Valid;

import java.util.List;

/** Manifest section {@code points}: the township's rules and rewards, each list optional. */
public record PointsSpec(List<@Valid PointsRuleInput> rules, List<@Valid RewardInput> rewards) {
}
