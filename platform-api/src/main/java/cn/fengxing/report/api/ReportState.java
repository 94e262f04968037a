package cn.fengxing.report.api;

import java.util.EnumSet;
import java.util.Set;

/** States of a report's lifecycle (docs/product.md §3.1) that the rider is told about. */
public enum ReportState {
    submitted, dispatched, in_progress, resolved, closed_fixed, closed_not_fixed, reopened, rejected, duplicate;

    /** States in which the case is still being worked on: shown in queues, joined by "me too". */
    public static final Set<ReportState> OPEN = EnumSet.of(submitted, dispatched, in_progress, reopened);

    /** Terminal states: the case is concluded 办结 and counts as closed in the figures. */
    public static final Set<ReportState> CLOSED = EnumSet.of(closed_fixed, closed_not_fixed, rejected, duplicate);
}
