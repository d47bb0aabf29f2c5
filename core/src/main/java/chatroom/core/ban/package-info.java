/** Server-wide bans (K-lines): who may not connect at all, kept in the store and enforced on the hub. */
@NullMarked
package chatroom.core.ban;

import org.jspecify.annotations.NullMarked;
