package cn.fengxing.station.api;

import java.time.LocalDate;
import java.util.List;

/** Use of a station (visits) or a merchant (discount uses) over days of the township's calendar. */
public record UsageStats(LocalDate from, LocalDate to, long total, long riders, List<Day> days) {

    /** One day with any use: how many uses and how many different riders. */
    public record Day(LocalDate date, long total, long riders) {
    }
}
