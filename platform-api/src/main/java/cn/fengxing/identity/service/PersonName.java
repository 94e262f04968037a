package cn.fengxing.identity.service;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A person's name as people read it, from the OIDC profile claims. Identity providers compose the
 * {@code name} claim given name first ("建国 张"), so the parts win over it when both are present:
 * family name first and unspaced for Chinese names (张建国), given name first otherwise.
 */
public final class PersonName {

    private PersonName() {
    }

    public static String of(JsonWebToken token) {
        return of(token.getClaim("family_name"), token.getClaim("given_name"), token.getClaim("name"),
                token.getClaim("preferred_username"));
    }

    static String of(String family, String given, String name, String username) {
        if (present(family) && present(given)) {
            return han(family) || han(given) ? family.strip() + given.strip() : given.strip() + " " + family.strip();
        }
        if (present(name)) {
            return name.strip();
        }
        if (present(family)) {
            return family.strip();
        }
        return present(given) ? given.strip() : username;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean han(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
