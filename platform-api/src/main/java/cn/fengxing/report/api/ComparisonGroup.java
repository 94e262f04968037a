package cn.fengxing.report.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The platform's category groups: townships name their own report categories, regional comparison 区域对比 counts
 * them in these. A township's category chooses one (a sub-category follows its parent when it names none).
 */
public enum ComparisonGroup {
    PUBLIC_SAFETY("public-safety"),
    SOCIAL_ORDER("social-order"),
    FOOD_SAFETY("food-safety"),
    LIVELIHOOD("livelihood"),
    FIRE_HAZARD("fire-hazard"),
    MUNICIPAL("municipal"),
    ENVIRONMENT("environment"),
    STRAY_ANIMAL("stray-animal"),
    UNCIVIL_BEHAVIOUR("uncivil-behaviour"),
    VULNERABLE_PEOPLE("vulnerable-people"),
    EMERGENCY("emergency"),
    OTHER("other");

    public final String code;

    ComparisonGroup(String code) {
        this.code = code;
    }

    public static Optional<ComparisonGroup> of(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
    }
}
