package chatroom.core;

import java.util.concurrent.Executor;

/**
 * The single thread that owns all chat state (STYLE.md §5). Transports submit work with {@link #execute}; core code
 * may assert {@link #inHub()}. The server wires a Netty {@code DefaultEventExecutor}; unit tests run tasks inline.
 */
public interface Hub extends Executor {
    boolean inHub();
}
