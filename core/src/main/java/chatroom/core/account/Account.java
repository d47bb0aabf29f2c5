package chatroom.core.account;

import java.time.Instant;

/**
 * A registered name. {@code folded} is the name under the server's case mapping (the key); {@code passwordHash} is a
 * bcrypt hash ({@link chatroom.core.Passwords}); the clear password is never kept or logged.
 */
public record Account(String name, String folded, String passwordHash, Instant createdAt) {}
