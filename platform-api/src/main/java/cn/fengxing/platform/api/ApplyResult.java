package cn.fengxing.platform.api;

import java.util.List;

/** What applying a manifest did (or, in a dry run, would do): one line per change. */
public record ApplyResult(String code, Outcome outcome, boolean dryRun, List<String> changes) {

    public enum Outcome {
        created, updated, unchanged
    }
}
