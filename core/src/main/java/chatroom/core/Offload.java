package chatroom.core;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs slow work (password hashing) away from the hub and hands the result back to the hub (DESIGN.md rule 4).
 * Implementations MUST call {@code onHub} on the hub thread. Unit tests may run both inline.
 */
@FunctionalInterface
public interface Offload {
    <T> void call(Supplier<T> work, Consumer<T> onHub);

    /** Both parts inline, on the calling thread: for tests, where the caller is the hub. */
    Offload INLINE = new Offload() {
        @Override
        public <T> void call(Supplier<T> work, Consumer<T> onHub) {
            onHub.accept(work.get());
        }
    };
}
