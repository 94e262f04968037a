package cn.fengxing.suggestion.api;

import com.fasterxml.jackson.annotation.JsonValue;

/** received 已收到 → answered 已答复 → adopted 已采纳 or not_adopted 未采纳 (with a note). */
public enum SuggestionState {
    received, answered, adopted, not_adopted;

    @JsonValue
    public String code() {
        return name();
    }
}
