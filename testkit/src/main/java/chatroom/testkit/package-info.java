/** Helpers for tests: {@link chatroom.testkit.RawClient} and {@link chatroom.testkit.MutableClock}. */
@NullMarked
package chatroom.testkit;

import org.jspecify.annotations.NullMarked;
