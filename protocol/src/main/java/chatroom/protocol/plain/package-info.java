@NullMarked
package chatroom.protocol.plain;

import org.jspecify.annotations.NullMarked;
