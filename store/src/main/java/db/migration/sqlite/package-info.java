/** Flyway migrations written in Java for sqlite; the SQL ones live in resources under the same path. */
@NullMarked
package db.migration.sqlite;

import org.jspecify.annotations.NullMarked;
