/**
 * The client library: one connection to an IRC server, client-side state, reconnect with gap-fill from history, and
 * events to a {@link chatroom.client.ChatListener} on the library's own thread.
 */
@NullMarked
package chatroom.client;

import org.jspecify.annotations.NullMarked;
