package cn.fengxing.report.api;

/** States of a report's lifecycle (PRODUCT.md §3.1) that the rider is told about. */
public enum ReportState {
    submitted, dispatched, in_progress, resolved, closed_fixed, closed_not_fixed, reopened, rejected, duplicate
}
