package cn.fengxing.region.api;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar period of regional comparison: a year (2026), a quarter (2026-Q4) or a month (2026-11). */
public record Period(String key, Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { year, quarter, month }

    private static final Pattern KEY = Pattern.compile("([0-9]{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    /** Parses a period key; a missing one is the year of {@code today}. Bad keys are a 400 naming {@code field}. */
    public static Period parse(String field, String key, LocalDate today) {
        if (key == null || key.isBlank()) {
            return year(today.getYear());
        }
        Matcher m = KEY.matcher(key);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 2000) {
            throw ProblemException.invalid(List.of(new Violation(field, "region.period", key)));
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return quarter(year, Integer.parseInt(m.group(2)));
        }
        return m.group(3) != null ? month(YearMonth.of(year, Integer.parseInt(m.group(3)))) : year(year);
    }

    public static Period year(int year) {
        return new Period(Integer.toString(year), Kind.year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period quarter(int year, int quarter) {
        LocalDate from = LocalDate.of(year, quarter * 3 - 2, 1);
        return new Period(year + "-Q" + quarter, Kind.quarter, from, from.plusMonths(3).minusDays(1));
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), Kind.month, month.atDay(1), month.atEndOfMonth());
    }

    /** The year, quarter and month that hold the day. */
    public static List<Period> holding(LocalDate day) {
        return List.of(year(day.getYear()), quarter(day.getYear(), (day.getMonthValue() + 2) / 3),
                month(YearMonth.from(day)));
    }

    /** 环比: the period of the same kind just before. */
    public Period previous() {
        return switch (kind) {
            case year -> year(from.getYear() - 1);
            case quarter -> holding(from.minusMonths(3)).get(1);
            case month -> month(YearMonth.from(from).minusMonths(1));
        };
    }

    /** 同比: the same period a year earlier. */
    public Period lastYear() {
        return holding(from.minusYears(1)).get(kind.ordinal());
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
