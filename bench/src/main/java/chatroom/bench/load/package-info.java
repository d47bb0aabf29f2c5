/**
 * {@code chatroom bench}: an IRC load generator for any IRC server (scenarios fanout, rooms, whispers, idle, storm)
 * and the side-by-side table bench/compare.sh prints. Loopback by default, bounded in connections and time.
 */
@NullMarked
package chatroom.bench.load;

import org.jspecify.annotations.NullMarked;
