package cn.fengxing.staff.api;

import java.util.List;

/**
 * The invited person: a member now (subject, all their roles here), or an invitation pending until someone signs in
 * with that e-mail or phone verified (no subject yet).
 */
public record InviteResult(String subject, String name, List<String> roles, boolean pending) {
}
