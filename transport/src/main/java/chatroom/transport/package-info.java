/** Netty pipelines: bytes to core commands and core events to bytes. Never touches chat state directly. */
@NullMarked
package chatroom.transport;

import org.jspecify.annotations.NullMarked;
