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

    public static String skeleton(String nick) {
        return CaseMapping.fold(CHECKER.getSkeleton(CaseMapping.fold(nick)));
    }
}
