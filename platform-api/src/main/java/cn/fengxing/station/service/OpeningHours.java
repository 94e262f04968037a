package cn.fengxing.station.service;

import cn.fengxing.common.problem.ProblemException.Violation;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A station's opening hours: round the clock ({@code {"open24h":true}}), or periods on weekdays
 * ({@code [{"days":[1,2,3,4,5],"from":"08:00","to":"20:00"}]}, 1 = Monday). A period whose end is
 * not after its start runs past midnight into the next day (night stations for night riders).
 */
public record OpeningHours(boolean open24h, List<Period> periods) {

    private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-3]):([0-5][0-9])$|^24:00$");
    private static final int DAY = 24 * 60;

    /** Minutes after midnight: {@code from} 0–1439, {@code to} 1–1440. */
    public record Period(List<Integer> days, int from, int to) {

        boolean covers(int day, int minute) {
            if (from < to) {
                return days.contains(day) && minute >= from && minute < to;
            }
            int previous = day == 1 ? 7 : day - 1;
            return days.contains(day) && minute >= from || days.contains(previous) && minute < to;
        }
    }

    public boolean isOpen(ZonedDateTime at) {
        if (open24h) {
            return true;
        }
        int day = at.getDayOfWeek().getValue();
        int minute = at.getHour() * 60 + at.getMinute();
        return periods.stream().anyMatch(p -> p.covers(day, minute));
    }

    /** Checked hours from the API shape, or null after adding what is wrong to {@code violations}. */
    public static OpeningHours read(JsonNode node, String field, List<Violation> violations) {
        if (node != null && node.isObject() && node.path("open24h").asBoolean(false) && node.size() == 1) {
            return new OpeningHours(true, List.of());
        }
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > 14) {
            violations.add(new Violation(field, "station.hours"));
            return null;
        }
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            String at = field + "[" + i + "]";
            TreeSet<Integer> days = new TreeSet<>();
            JsonNode dayList = p.path("days");
            boolean daysOk = dayList.isArray() && !dayList.isEmpty();
            for (JsonNode d : dayList) {
                daysOk &= d.isInt() && d.asInt() >= 1 && d.asInt() <= 7 && days.add(d.asInt());
            }
            Integer from = minutes(p.path("from"));
            Integer to = minutes(p.path("to"));
            if (!daysOk) {
                violations.add(new Violation(at + ".days", "station.hours-days"));
            }
            boolean timesOk = from != null && from < DAY && to != null && to > 0 && !from.equals(to);
            if (!timesOk) {
                violations.add(new Violation(at, "station.hours-times"));
            }
            if (daysOk && timesOk) {
                periods.add(new Period(List.copyOf(days), from, to));
            }
        }
        return periods.size() == node.size() ? new OpeningHours(false, periods) : null;
    }

    private static Integer minutes(JsonNode time) {
        Matcher m = TIME.matcher(time.isTextual() ? time.asText() : "");
        if (!m.matches()) {
            return null;
        }
        return m.group(1) == null ? DAY : Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    }

    /** The hours as stored (jsonb): always an object, so the column has one shape. */
    public Map<String, Object> toStored() {
        return open24h ? Map.of("open24h", true) : Map.of("periods", toApi());
    }

    /** The hours in the API shape: {@code {"open24h":true}} or the list of periods. */
    public Object toApi() {
        if (open24h) {
            return Map.of("open24h", true);
        }
        return periods.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("days", p.days());
            m.put("from", text(p.from()));
            m.put("to", text(p.to()));
            return m;
        }).toList();
    }

    @SuppressWarnings("unchecked")
    public static OpeningHours fromStored(Map<String, Object> stored) {
        if (Boolean.TRUE.equals(stored.get("open24h"))) {
            return new OpeningHours(true, List.of());
        }
        List<Period> periods = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) stored.get("periods")) {
            List<Integer> days = ((List<Number>) p.get("days")).stream().map(Number::intValue).toList();
            periods.add(new Period(days, minutes((String) p.get("from")), minutes((String) p.get("to"))));
        }
        return new OpeningHours(false, periods);
    }

    private static int minutes(String time) {
        return time.equals("24:00") ? DAY : Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3));
    }

    private static String text(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
