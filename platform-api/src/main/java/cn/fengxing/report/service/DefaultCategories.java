package cn.fengxing.report.service;

import cn.fengxing.report.api.CategoryInput;

import java.util.ArrayList;
import java.util.List;

/**
 * The categories a township gets on onboarding when its manifest names none (docs/product.md §3.1):
 * groups first, each followed by its sub-categories, in the order the rider app lists them.
 */
final class DefaultCategories {

    static final List<CategoryInput> ALL = build();

    private DefaultCategories() {
    }

    private static List<CategoryInput> build() {
        List<CategoryInput> all = new ArrayList<>();
        Builder b = new Builder(all);
        b.group("public-safety", "公共安全", "Public safety");
        b.group("social-order", "社会治安", "Social order");
        b.group("food-safety", "食品安全", "Food safety");
        b.group("livelihood", "民生服务", "Livelihood services");
        b.group("fire-hazard", "消防隐患", "Fire hazards");
        b.child("fire-exit-blocked", "消防通道堵塞", "Blocked fire exit");
        b.urgentChild("gas-leak", "燃气泄漏", "Gas leak", null);
        b.group("municipal", "市政设施", "Municipal facilities");
        b.child("street-light", "路灯", "Street light");
        b.child("manhole-cover", "井盖", "Manhole cover");
        b.child("road-damage", "道路破损", "Road damage");
        b.child("pipe-leak", "管道漏水", "Pipe leak");
        b.group("environment", "环境卫生", "Environment and sanitation");
        b.child("garbage", "垃圾", "Garbage");
        b.child("flyposting", "小广告", "Flyposting");
        b.group("stray-animal", "流浪动物", "Stray animals");
        b.group("uncivil-behaviour", "不文明行为", "Uncivil behaviour");
        b.group("vulnerable-people", "困难群体", "Vulnerable people");
        b.urgentChild("lone-elder-no-answer", "独居老人无应答", "Lone elder not answering", null);
        b.group("emergency", "紧急情况", "Emergencies", true);
        b.urgentChild("fire", "火情", "Fire", "请立即拨打 119");
        b.urgentChild("person-in-danger", "人员遇险", "Someone in danger", "请立即拨打 110 或 120");
        return List.copyOf(all);
    }

    /** Sort orders 10, 20 … for groups and 11, 12 … for their sub-categories. */
    private static final class Builder {
        private final List<CategoryInput> out;
        private String group;
        private int groupOrder;
        private int childOrder;

        Builder(List<CategoryInput> out) {
            this.out = out;
        }

        void group(String code, String zh, String en) {
            group(code, zh, en, false);
        }

        void group(String code, String zh, String en, boolean urgent) {
            group = code;
            groupOrder += 10;
            childOrder = groupOrder;
            out.add(new CategoryInput(code, zh, en, null, urgent, false, null, true, groupOrder, null));
        }

        void child(String code, String zh, String en) {
            out.add(new CategoryInput(code, zh, en, group, false, false, null, true, ++childOrder, null));
        }

        /** Urgent; with a hotline text the app also stops the rider to call it first. */
        void urgentChild(String code, String zh, String en, String hotline) {
            out.add(new CategoryInput(code, zh, en, group, true, hotline != null, hotline, true, ++childOrder, null));
        }
    }
}
