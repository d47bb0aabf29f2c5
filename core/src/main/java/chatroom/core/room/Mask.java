package chatroom.core.room;

import chatroom.protocol.CaseMapping;

/** Glob masks ({@code *} any run, {@code ?} one character) over {@code nick!user@host}, case-folded. */
public final class Mask {
    private Mask() {}

    /** Completes a partial mask the way servers do: {@code bob} to {@code bob!*@*}, {@code *@h} to {@code *!*@h}. */
    public static String normalize(String mask) {
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
