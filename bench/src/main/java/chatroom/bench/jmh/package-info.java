/**
 * JMH microbenchmarks: IRC line parsing and encoding, the hub side of a 1,000-member room's fan-out, and the
 * plain-text translator. Run them from the bench jar: {@code java -cp bench/target/chatroom-bench.jar
 * org.openjdk.jmh.Main} (docs/performance.md).
 */
@NullMarked
package chatroom.bench.jmh;

import org.jspecify.annotations.NullMarked;
