/** The {@code chatroom} command line: server, configuration, console. Wires the modules together by hand. */
@NullMarked
package chatroom.server;

import org.jspecify.annotations.NullMarked;
