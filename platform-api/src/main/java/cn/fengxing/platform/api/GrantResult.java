package cn.fengxing.platform.api;

import cn.fengxing.identity.entity.RegionGrant;

/**
 * A regional grant as granted; {@code oneTimePassword} is there once, when granting created the person's account: the
 * operator hands it over and the person replaces it at first sign-in.
 */
public record GrantResult(long id, String subject, String name, String regionPath, String role, String login,
                          String oneTimePassword) {

    /** The grant; {@code login} and {@code oneTimePassword} of the account it created, or null. */
    public static GrantResult of(RegionGrant g, String login, String oneTimePassword) {
        return new GrantResult(g.id, g.subject, g.name, g.regionPath, g.role, login, oneTimePassword);
    }
}
