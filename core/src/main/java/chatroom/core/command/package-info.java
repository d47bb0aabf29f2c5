@NullMarked
package chatroom.core.command;

import org.jspecify.annotations.NullMarked;
