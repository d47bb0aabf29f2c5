package chatroom.core;

import chatroom.protocol.CaseMapping;
import com.ibm.icu.text.SpoofChecker;

/**
 * Nicks that look alike are one name: {@code evan} and {@code еvan} (Cyrillic е) cannot belong to two people. The
 * skeleton is Unicode TR39's ({@link SpoofChecker#getSkeleton}) of the case-folded nick, folded again; two nicks
 * collide when their skeletons are equal (ergo's {@code Skeleton}).
 */
public final class Confusables {
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();

    private Confusables() {}

    /**
     * Loads ICU's confusables data (file reads, done once when this class initialises): call at start, off the hub,
     * so the first nick checked on the hub does not wait for the disk.
     */
    public static void load() {
        skeleton("");
    }

    public static String skeleton(String nick) {
        return CaseMapping.fold(CHECKER.getSkeleton(CaseMapping.fold(nick)));
    }
}
