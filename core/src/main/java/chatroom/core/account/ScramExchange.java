package chatroom.core.account;

import com.ongres.scram.common.ClientFirstMessage;
import com.ongres.scram.common.Gs2CbindFlag;
import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ServerFinalMessage;
import com.ongres.scram.common.ServerFirstMessage;
import com.ongres.scram.common.exception.ScramParseException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 §5, RFC 7677) once the account's credentials are known:
 * {@link #serverFirst()} answers the client-first message, {@link #finish} checks the client's proof. Messages are
 * parsed and keys computed by the {@code com.ongres.scram} library; the AuthMessage is built from the messages as
 * they were sent (§3). Channel binding is not offered, so a client that requires it ({@code p=}) is refused.
 * Constructing one draws the server nonce from {@link SecureRandom}: do it off the hub.
 */
public final class ScramExchange {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_LENGTH = 24;

    private final ClientFirst first;
    private final ScramCredentials credentials;
    private final String serverFirst;

    public ScramExchange(ClientFirst first, ScramCredentials credentials) {
        this.first = first;
        this.credentials = credentials;
        this.serverFirst = new ServerFirstMessage(
                        first.nonce(),
                        ScramFunctions.nonce(NONCE_LENGTH, RANDOM),
                        credentials.salt(),
                        credentials.iterations())
                .toString();
    }

    /** A message that is not SCRAM as we speak it; the exchange fails. */
    public static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    /**
     * The parts of a client-first message: the name to log in as (still saslname-escaped), the authorisation
     * identity or null, the client's nonce, and the GS2 header and bare message exactly as sent.
     */
    public record ClientFirst(String username, @Nullable String authzid, String nonce, String gs2Header, String bare) {}

    /** Parses {@code client-first-message}; refuses channel binding ({@code p=}) and extensions. */
    public static ClientFirst clientFirst(String message) throws MalformedException {
        ClientFirstMessage parsed;
        try {
            parsed = ClientFirstMessage.parseFrom(message);
        } catch (ScramParseException | IllegalArgumentException e) {
            throw new MalformedException("not a SCRAM client-first message");
        }
        // §6: "y" means the client could bind but thinks we cannot, which is true: only "p" is refused
        if (parsed.getGs2Header().getChannelBindingFlag() == Gs2CbindFlag.CHANNEL_BINDING_REQUIRED) {
            throw new MalformedException("channel binding is not supported");
        }
        int comma = message.indexOf(',', message.indexOf(',') + 1);
        String bare = message.substring(comma + 1);
        String username = bare.substring(2, bare.indexOf(','));
        return new ClientFirst(
                username,
                parsed.getGs2Header().getAuthzid(),
                parsed.getClientNonce(),
                message.substring(0, comma + 1),
                bare);
    }

    /** {@code server-first-message}: the combined nonce, the salt and the iteration count. */
    public String serverFirst() {
        return serverFirst;
    }

    /**
     * Checks {@code client-final-message}: the channel-binding echo, the nonce and the proof. Returns the
     * {@code server-final-message} ({@code v=} ServerSignature) when the proof is right, null when it is wrong (a
     * wrong password).
     */
    public @Nullable String finish(String message) throws MalformedException {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new MalformedException("no proof");
        }
        String withoutProof = message.substring(0, proofAt);
        String[] fields = withoutProof.split(",", -1);
        String expectedBinding =
                "c=" + Base64.getEncoder().encodeToString(first.gs2Header().getBytes(StandardCharsets.UTF_8));
        String nonce = "r=" + serverFirst.substring(2, serverFirst.indexOf(','));
        if (fields.length < 2 || !fields[0].equals(expectedBinding) || !fields[1].equals(nonce)) {
            throw new MalformedException("wrong channel binding or nonce");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw new MalformedException("the proof is not base64");
        }
        byte[] storedKey = Base64.getDecoder().decode(credentials.storedKey());
        if (proof.length != storedKey.length) {
            throw new MalformedException("the proof has the wrong length");
        }
        String authMessage = first.bare() + "," + serverFirst + "," + withoutProof;
        if (!ScramFunctions.verifyClientProof(ScramCredentials.MECHANISM, proof, storedKey, authMessage)) {
            return null;
        }
        byte[] serverKey = Base64.getDecoder().decode(credentials.serverKey());
        return new ServerFinalMessage(
                        ScramFunctions.serverSignature(ScramCredentials.MECHANISM, serverKey, authMessage))
                .toString();
    }
}
