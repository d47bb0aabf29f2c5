/**
 * Durable history, hub side: events are appended in server order, delivery waits for their commit (DESIGN.md rule 2),
 * and CHATHISTORY reads run off the hub. The stores themselves live in the {@code store} module.
 */
@NullMarked
package chatroom.core.history;

import org.jspecify.annotations.NullMarked;
