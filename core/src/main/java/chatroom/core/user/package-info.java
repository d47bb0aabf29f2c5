@NullMarked
package chatroom.core.user;

import org.jspecify.annotations.NullMarked;
