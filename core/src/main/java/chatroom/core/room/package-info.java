@NullMarked
package chatroom.core.room;

import org.jspecify.annotations.NullMarked;
