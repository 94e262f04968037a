package cn.fengxing.identity.service;

import java.security.SecureRandom;

/**
 * One-time passwords of new accounts, read aloud or copied by whoever hands them over: 12 characters of an alphabet
 * without look-alikes (0/O, 1/l/I), in groups of four, about 70 bits.
 */
final class OneTimePassword {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePassword() {
    }

    static String next() {
        StringBuilder password = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
