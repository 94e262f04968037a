package cn.fengxing.staff.api;

import java.util.List;

/**
 * The invited person: a member now (subject, all their roles here), or an invitation pending until someone signs in
 * with that e-mail or phone verified (no subject yet). {@code oneTimePassword} is there once, when the invitation
 * created their account, with the {@code login} they sign in with: the admin hands it over and the person replaces it
 * at first sign-in.
 */
public record InviteResult(String subject, String name, List<String> roles, boolean pending, String login,
                           String oneTimePassword) {
}
