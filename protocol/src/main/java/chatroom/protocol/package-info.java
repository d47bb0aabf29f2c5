/** IRC wire format: messages, parsing, writing, numerics and case mapping. No dependencies. */
@NullMarked
package chatroom.protocol;

import org.jspecify.annotations.NullMarked;
