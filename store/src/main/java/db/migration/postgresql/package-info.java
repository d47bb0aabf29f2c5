/** Flyway migrations written in Java for postgresql; the SQL ones live in resources under the same path. */
@NullMarked
package db.migration.postgresql;

import org.jspecify.annotations.NullMarked;
