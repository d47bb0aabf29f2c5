/** A bounded loopback load generator and the benchmarks built on it. Never part of the test suite's timing. */
@NullMarked
package chatroom.bench;

import org.jspecify.annotations.NullMarked;
