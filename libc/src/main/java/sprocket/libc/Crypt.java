package sprocket.libc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * crypt(3C): a one-way hash of a password for /etc/passwd, checked by hashing what is typed with the same salt. The
 * form is that of the modular crypt format, {@code $5$SALT$HASH}: SHA-256 of the salt and key, then rehashed with the
 * key {@link #ROUNDS} times (after Drepper's SHA-crypt idea, not its exact schedule), in unpadded base 64.
 */
public final class Crypt {
    /** How many times the key is folded in again, so that guessing costs. */
    static final int ROUNDS = 1000;
    private static final String PREFIX = "$5$";

    private Crypt() {
    }

    /** crypt(3C): {@code key} hashed with the salt of {@code setting} ({@code $5$SALT} or a whole hash); null for another form. */
    public static String crypt(String key, String setting) {
        if (setting == null || !setting.startsWith(PREFIX)) return null;
        int end = setting.indexOf('$', PREFIX.length());
        String salt = setting.substring(PREFIX.length(), end < 0 ? setting.length() : end);
        if (salt.isEmpty() || salt.length() > 16) return null;
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '$');
            byte[] h = md.digest(k);
            for (int i = 0; i < ROUNDS; i++) {
                md.update(h);
                h = md.digest(k);
            }
            return PREFIX + salt + "$" + Base64.getEncoder().withoutPadding().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether {@code typed} is the password {@code hash} (a crypt(3C) result) was made from; never for an empty hash. */
    public static boolean matches(String typed, String hash) {
        if (hash == null || hash.isEmpty()) return false;
        String h = crypt(typed, hash);
        return h != null && MessageDigest.isEqual(h.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8));
    }
}
