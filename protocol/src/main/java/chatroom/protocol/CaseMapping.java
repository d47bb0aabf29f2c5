package chatroom.protocol;

import java.text.Normalizer;

/**
 * Name validation and case folding, advertised as {@code CASEMAPPING=rfc1459}.
 *
 * <p>ASCII folds per RFC 1459 ({@code A-Z []\~} to {@code a-z {}|^}). Other scripts (names like {@code 张三} are
 * allowed) fold by NFC normalisation then Unicode simple lower-casing per code point, so {@code ÉMILE} and
 * {@code émile} are the same nick. Clients that only know rfc1459 agree with us on every ASCII name.
 */
public final class CaseMapping {
    public static final String ISUPPORT_NAME = "rfc1459";

    private CaseMapping() {}

    public static String fold(String s) {
        String ascii = foldAscii(s);
        if (ascii != null) {
            return ascii;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> sb.appendCodePoint(foldCodePoint(cp)));
        return sb.toString();
    }

    /** The folded name when {@code s} is all ASCII (the usual case: no normalisation needed), else null. */
    private static @org.jspecify.annotations.Nullable String foldAscii(String s) {
        char[] folded = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                return null;
            }
            char f = (char) foldCodePoint(c);
            if (f != c) {
                if (folded == null) {
                    folded = s.toCharArray();
                }
                folded[i] = f;
            }
        }
        return folded == null ? s : new String(folded);
    }

    private static int foldCodePoint(int cp) {
        if (cp < 128) {
            if (cp >= 'A' && cp <= 'Z') {
                return cp + 32;
            }
            return switch (cp) {
                case '[' -> '{';
                case ']' -> '}';
                case '\\' -> '|';
                case '~' -> '^';
                default -> cp;
            };
        }
        return Character.toLowerCase(cp);
    }

    public static Nick nick(String display) {
        String nfc = Normalizer.normalize(display, Normalizer.Form.NFC);
        return new Nick(nfc, fold(nfc));
    }

    public static ChannelName channel(String display) {
        String nfc = Normalizer.normalize(display, Normalizer.Form.NFC);
        return new ChannelName(nfc, fold(nfc));
    }

    /** Why a nick is not acceptable, or null when it is. Letters of any script, digits and {@code []\`_^{|}-}. */
    public static @org.jspecify.annotations.Nullable String nickError(String nick, int maxLength) {
        if (nick.isEmpty()) {
            return "Nickname is empty";
        }
        int count = nick.codePointCount(0, nick.length());
        if (count > maxLength) {
            return "Nickname is longer than " + maxLength + " characters";
        }
        int first = nick.codePointAt(0);
        if (Character.isDigit(first) || first == '-') {
            return "Nickname may not start with a digit or '-'";
        }
        for (int i = 0; i < nick.length(); ) {
            int cp = nick.codePointAt(i);
            if (!(Character.isLetterOrDigit(cp) || "[]\\`_^{|}-".indexOf(cp) >= 0 || isCombiningMark(cp))) {
                return "Nickname may only contain letters, digits and []\\`_^{|}-";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static boolean isCombiningMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    /** Why a channel name is not acceptable, or null. Starts with {@code #}; no space, comma, colon or control. */
    public static @org.jspecify.annotations.Nullable String channelError(String name, int maxLength) {
        if (name.length() < 2 || name.charAt(0) != '#') {
            return "Channel names start with # and have at least one more character";
        }
        if (name.codePointCount(0, name.length()) > maxLength) {
            return "Channel name is longer than " + maxLength + " characters";
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp == ' ' || cp == ',' || cp == ':' || Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                return "Channel names may not contain spaces, commas, colons or control characters";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    public static boolean isChannel(String target) {
        return !target.isEmpty() && target.charAt(0) == '#';
    }
}
