package chatroom.core.room;

import chatroom.protocol.CaseMapping;
import org.jspecify.annotations.Nullable;

/**
 * Glob masks ({@code *} any run, {@code ?} one character) over {@code nick!user@host}, case-folded, and the account
 * extban {@code $a:<account>} (ISUPPORT {@code EXTBAN=$,a}), which matches people logged in to that account whatever
 * nick or host they use.
 */
public final class Mask {
    static final String ACCOUNT_PREFIX = "$a:";

    private Mask() {}

    /**
     * Completes a partial mask the way servers do: {@code bob} to {@code bob!*@*}, {@code *@h} to {@code *!*@h}; an
     * account extban stays as given. Null for an extban this server does not know ({@code $x}, {@code $a} alone).
     */
    public static @Nullable String normalize(String mask) {
        if (mask.startsWith("$")) {
            return mask.startsWith(ACCOUNT_PREFIX) && mask.length() > ACCOUNT_PREFIX.length() ? mask : null;
        }
        String m = mask;
        if (m.indexOf('!') < 0 && m.indexOf('@') < 0) {
            return m + "!*@*";
        }
        if (m.indexOf('!') < 0) {
            m = "*!" + m;
        }
        if (m.indexOf('@') < 0) {
            m = m + "@*";
        }
        return m;
    }

    /** Whether {@code mask} (a glob mask or an extban) matches someone with this mask and account. */
    public static boolean matches(String mask, String userMask, @Nullable String account) {
        if (mask.startsWith(ACCOUNT_PREFIX)) {
            return account != null && matches(mask.substring(ACCOUNT_PREFIX.length()), account);
        }
        return !mask.startsWith("$") && matches(mask, userMask);
    }

    public static boolean matches(String mask, String subject) {
        return glob(CaseMapping.fold(mask), 0, CaseMapping.fold(subject), 0);
    }

    private static boolean glob(String p, int pi, String s, int si) {
        int starP = -1;
        int starS = -1;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
