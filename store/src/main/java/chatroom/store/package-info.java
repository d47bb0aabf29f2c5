/**
 * History stores over JDBC: SQLite in the data directory by default, PostgreSQL when configured; Flyway migrations;
 * one writer thread that commits in batches (STYLE.md §5.5).
 */
@NullMarked
package chatroom.store;

import org.jspecify.annotations.NullMarked;
