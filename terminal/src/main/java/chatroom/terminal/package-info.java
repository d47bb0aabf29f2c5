/** The terminal client: {@code chatroom client NAME}, a JLine front end on the client library. */
@NullMarked
package chatroom.terminal;

import org.jspecify.annotations.NullMarked;
