package cn.fengxing.report.api;

import java.util.EnumSet;
import java.util.Set;

import static cn.fengxing.report.api.ReportState.closed_fixed;
import static cn.fengxing.report.api.ReportState.closed_not_fixed;
import static cn.fengxing.report.api.ReportState.dispatched;
import static cn.fengxing.report.api.ReportState.duplicate;
import static cn.fengxing.report.api.ReportState.in_progress;
import static cn.fengxing.report.api.ReportState.rejected;
import static cn.fengxing.report.api.ReportState.reopened;
import static cn.fengxing.report.api.ReportState.resolved;
import static cn.fengxing.report.api.ReportState.submitted;

/**
 * The transition table of the case flow collect → dispatch → handle → report back → verify → close: each
 * action, the states it may start from and the state it leads to. Anything else is a 409 problem.
 */
public enum ReportAction {
    /** The dispatcher 值守专员 sends it to a grid worker or a department (again: reassigns it). */
    dispatch(dispatched, submitted, dispatched, reopened),
    /** Not a matter for the township, with the reason the rider is told. */
    reject(rejected, submitted, reopened),
    /** Merged into an earlier report of the same hazard. */
    mark_duplicate(duplicate, submitted, reopened),
    /** The assignee takes it on. */
    accept(in_progress, dispatched),
    /** The assignee hands it back to the dispatcher: not their responsibility. */
    send_back(submitted, dispatched, in_progress),
    /** Handled, with a note and optional photo; the rider is asked to verify. */
    resolve(resolved, in_progress),
    /** The reporting rider confirms the fix. */
    verify_fixed(closed_fixed, resolved),
    /** The reporting rider says it is not fixed: back to the dispatcher. */
    verify_not_fixed(reopened, resolved),
    /** The dispatcher concludes a reopened report that cannot be fixed. */
    close_not_fixed(closed_not_fixed, reopened),
    /** No verification within the township's auto-close days. */
    auto_close(closed_fixed, resolved);

    private final ReportState target;
    private final Set<ReportState> from;

    ReportAction(ReportState target, ReportState first, ReportState... more) {
        this.target = target;
        this.from = EnumSet.of(first, more);
    }

    public ReportState target() {
        return target;
    }

    public boolean allowedFrom(ReportState state) {
        return from.contains(state);
    }
}
