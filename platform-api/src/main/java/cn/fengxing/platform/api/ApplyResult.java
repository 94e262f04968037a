package cn.fengxing.platform.api;

import java.util.List;

/**
 * What applying a manifest did (or, in a dry run, would do): one line per change, and the accounts it created in the
 * identity provider with their one-time passwords (shown this once; each person replaces theirs at first sign-in).
 */
public record ApplyResult(String code, Outcome outcome, boolean dryRun, List<String> changes, List<NewAccount> accounts) {

    /** An account created for a member named by username, phone or e-mail, and the name they sign in with. */
    public record NewAccount(String login, String name, String oneTimePassword) {
    }

    public enum Outcome {
        created, updated, unchanged
    }
}
