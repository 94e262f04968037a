package cn.fengxing.identity.service;

import java.util.Optional;

/**
 * The platform's one port to the identity provider's user directory: find a person by username, phone or e-mail,
 * or create their account, and learn their OIDC subject. Nothing else (no passwords, no e-mail, no roles: roles live
 * in the platform database). Keycloak's admin REST API is the default ({@link KeycloakDirectory}); with
 * {@code fengxing.identity.provider=none} there is no directory and people named by e-mail or phone are invited.
 */
public interface IdentityDirectory {

    /** Whether accounts can be looked up and created; false for a provider the platform only verifies tokens of. */
    boolean available();

    /** The subject of the person so named, when their account exists. */
    Optional<String> find(Handle handle);

    /**
     * The account of the person so named, created when missing: enabled, named {@code displayName}, with a one-time
     * password that whoever named them hands over and that the person replaces at first sign-in. Nothing is sent to
     * them (the platform has no channel it could trust to reach them).
     */
    Account findOrCreate(Handle handle, String displayName);

    /** A person's account: their subject, and the one-time password when this call created it (null otherwise). */
    record Account(String subject, String oneTimePassword) {
        public boolean created() {
            return oneTimePassword != null;
        }
    }

    /** How a person is named to the directory. */
    record Handle(Kind kind, String value) {
        public enum Kind { username, phone, email }

        private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N}._@-]{1,255}");
        private static final java.util.regex.Pattern EMAIL =
                java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

        /**
         * The handle of exactly one of username, phone (a mainland mobile number; +86 and separators dropped) or
         * e-mail, normalised (lower case); a 400 problem otherwise.
         */
        public static Handle of(String username, String phone, String email) {
            int given = (present(username) ? 1 : 0) + (present(phone) ? 1 : 0) + (present(email) ? 1 : 0);
            if (given != 1) {
                throw cn.fengxing.common.problem.ProblemException.badRequest("member.handle-one");
            }
            if (present(username)) {
                String u = username.strip().toLowerCase();
                if (!USERNAME.matcher(u).matches()) {
                    throw cn.fengxing.common.problem.ProblemException.badRequest("member.username-invalid", u);
                }
                return new Handle(Kind.username, u);
            }
            if (present(phone)) {
                String digits = phone.replaceAll("[\\s()-]", "");
                if (digits.startsWith("+86")) {
                    digits = digits.substring(3);
                }
                if (!digits.matches("1[0-9]{10}")) {
                    throw cn.fengxing.common.problem.ProblemException.badRequest("member.phone-invalid", phone.strip());
                }
                return new Handle(Kind.phone, digits);
            }
            String e = email.strip().toLowerCase();
            if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
                throw cn.fengxing.common.problem.ProblemException.badRequest("member.email-invalid", e);
            }
            return new Handle(Kind.email, e);
        }

        private static boolean present(String s) {
            return s != null && !s.isBlank();
        }

        @Override
        public String toString() {
            return kind + " " + value;
        }
    }
}
