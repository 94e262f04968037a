package cn.fengxing.suggestion.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a suggestion is about: work_conditions 工作环境, rights 权益保障, stations 驿站服务, delivery 配送与平台,
 * community 社区治理, other 其他.
 */
public enum SuggestionCategory {
    work_conditions, rights, stations, delivery, community, other;

    @JsonValue
    public String code() {
        return name();
    }
}
