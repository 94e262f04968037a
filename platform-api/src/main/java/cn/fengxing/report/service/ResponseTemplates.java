package cn.fengxing.report.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.report.api.ReportState;
import cn.fengxing.report.api.TemplateInput;
import cn.fengxing.report.api.TemplateView;
import cn.fengxing.report.entity.ResponseTemplate;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages a rider gets as their report moves through its states, in zh and en. The township may
 * reword any of them; what it has not reworded reads as the built-in default.
 */
@ApplicationScoped
public class ResponseTemplates {

    public static final Set<String> PLACEHOLDERS = Set.of("category", "community", "handler", "note");

    static final String ZH = "zh";
    static final String EN = "en";

    /** Any brace: a well-formed placeholder is {word}; a lone brace is a typo the admin should see. */
    private static final Pattern BRACES = Pattern.compile("\\{([^{}]*)}|[{}]");

    private static final Map<ReportState, String[]> DEFAULTS = new EnumMap<>(Map.of(
            ReportState.submitted, new String[]{"您反映的{category}问题已收到，我们会尽快处理。",
                    "We have received your report about {category} and will handle it soon."},
            ReportState.dispatched, new String[]{"您反映的{category}问题已交由{handler}处理。",
                    "Your report about {category} has been passed to {handler}."},
            ReportState.in_progress, new String[]{"{handler}正在处理您反映的{category}问题。",
                    "{handler} is working on your report about {category}."},
            ReportState.resolved, new String[]{"您反映的{category}问题已处理：{note}",
                    "Your report about {category} has been resolved: {note}"},
            ReportState.closed_fixed, new String[]{"您反映的{category}问题已办结，感谢您的参与！",
                    "Your report about {category} is closed as fixed. Thank you for taking part!"},
            ReportState.closed_not_fixed, new String[]{"您反映的{category}问题已办结，暂未解决：{note}",
                    "Your report about {category} is closed without a fix: {note}"},
            ReportState.reopened, new String[]{"您反映的{category}问题已重新受理。",
                    "Your report about {category} has been reopened."},
            ReportState.rejected, new String[]{"您反映的{category}问题未予受理：{note}",
                    "Your report about {category} was not accepted: {note}"},
            ReportState.duplicate, new String[]{"您反映的{category}问题已有人上报，将合并处理。",
                    "Your report about {category} was already reported; it will be handled with the first report."}));

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    /** Every state, in lifecycle order, with the township's text or the default. */
    @Transactional
    public List<TemplateView> list() {
        Map<String, String> custom = new HashMap<>();
        ResponseTemplate.<ResponseTemplate>listAll().forEach(t -> custom.put(t.state + "/" + t.locale, t.text));
        List<TemplateView> views = new ArrayList<>();
        for (ReportState state : ReportState.values()) {
            String zh = custom.get(state.name() + "/" + ZH);
            String en = custom.get(state.name() + "/" + EN);
            views.add(new TemplateView(state, zh == null ? text(state, ZH) : zh, en == null ? text(state, EN) : en,
                    zh != null || en != null));
        }
        return views;
    }

    /**
     * Sets the texts of the given states (others stay). A text equal to the default is stored as no
     * text at all, so putting the default back un-customises the state.
     */
    @Transactional
    public List<TemplateView> put(List<TemplateInput> inputs) {
        List<Violation> violations = new ArrayList<>();
        Set<ReportState> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            TemplateInput in = inputs.get(i);
            if (!seen.add(in.state())) {
                violations.add(new Violation("[" + i + "].state", "report.template.duplicate-state", in.state()));
            }
            checkPlaceholders(in.zh(), "[" + i + "].zh", violations);
            checkPlaceholders(in.en(), "[" + i + "].en", violations);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<String> changed = new ArrayList<>();
        for (TemplateInput in : inputs) {
            if (store(in.state(), ZH, in.zh()) | store(in.state(), EN, in.en())) {
                changed.add(in.state().name());
            }
        }
        if (!changed.isEmpty()) {
            audit.record(tenant.code(), "report.templates.update", null, Map.of("states", changed));
        }
        return list();
    }

    /**
     * The message for a report reaching {@code state}, in the rider's language (English if asked,
     * else Chinese), placeholders filled from {@code values}; a value not given reads as empty.
     */
    @Transactional
    public String render(ReportState state, Locale locale, Map<String, String> values) {
        String lang = locale != null && EN.equals(locale.getLanguage()) ? EN : ZH;
        ResponseTemplate custom = find(state, lang);
        return fill(custom == null ? text(state, lang) : custom.text, values);
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = BRACES.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1) == null ? m.group() : values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void checkPlaceholders(String text, String field, List<Violation> violations) {
        Matcher m = BRACES.matcher(text);
        while (m.find()) {
            if (m.group(1) == null || !PLACEHOLDERS.contains(m.group(1))) {
                violations.add(new Violation(field, "report.template.placeholder", m.group(),
                        "{category} {community} {handler} {note}"));
                return;
            }
        }
    }

    private static boolean store(ReportState state, String lang, String text) {
        ResponseTemplate row = find(state, lang);
        boolean isDefault = text.equals(text(state, lang));
        if (row == null && isDefault || row != null && row.text.equals(text)) {
            return false;
        }
        if (isDefault) {
            row.delete();
        } else {
            if (row == null) {
                row = new ResponseTemplate();
                row.state = state.name();
                row.locale = lang;
            }
            row.text = text;
            row.persist();
        }
        return true;
    }

    private static ResponseTemplate find(ReportState state, String lang) {
        return ResponseTemplate.<ResponseTemplate>find("state = ?1 and locale = ?2", state.name(), lang).firstResult();
    }

    private static String text(ReportState state, String lang) {
        return DEFAULTS.get(state)[ZH.equals(lang) ? 0 : 1];
    }
}
