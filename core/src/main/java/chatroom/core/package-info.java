@NullMarked
package chatroom.core;

import org.jspecify.annotations.NullMarked;
