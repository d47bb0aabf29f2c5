package chatroom.store;

import chatroom.core.history.HistoryException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database for every store: a HikariCP pool over SQLite (WAL, {@code synchronous=FULL}: a commit survives a crash
 * and a power cut) or PostgreSQL, with the schema migrated by Flyway on open. The SQL is the same for both. With SQLite
 * the history writer has a connection of its own whose commits are made durable by {@link #syncLog}.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    private final DatabaseUrl url;
    private final HikariDataSource pool;
    /** SQLite: the history writer's own connection, which commits without waiting for the disk ({@link #syncLog}). */
    private final @Nullable HikariDataSource logPool;
    /** SQLite: the write-ahead log that {@link #syncLog} forces to the disk. */
    private final @Nullable Path wal;

    private Database(DatabaseUrl url, HikariDataSource pool, @Nullable HikariDataSource logPool) {
        this.url = url;
        this.pool = pool;
        this.logPool = logPool;
        this.wal = logPool == null ? null : Path.of(url.jdbcUrl().substring(SQLITE_PREFIX.length()) + "-wal");
    }

    /** Opens (creating and migrating as needed); fails with a clear message when the database is unreachable. */
    public static Database open(DatabaseUrl url) {
        HikariDataSource pool = pool(url, "chatroom-db", 4, "FULL");
        try {
            var flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/" + url.dialect().name().toLowerCase(Locale.ROOT));
            if (url.schema() != null) {
                flyway.schemas(url.schema());
            }
            var result = flyway.load().migrate();
            if (result.migrationsExecuted > 0) {
                log.info("database {} migrated to version {}", url, result.targetSchemaVersion);
            }
        } catch (RuntimeException e) {
            pool.close();
            throw new HistoryException("cannot migrate the history database " + url + ": " + rootMessage(e), e);
        }
        HikariDataSource logPool = null;
        if (url.dialect() == DatabaseUrl.Dialect.SQLITE) {
            try {
                logPool = pool(url, "chatroom-history-log", 1, "NORMAL");
            } catch (HistoryException e) {
                pool.close();
                throw e;
            }
        }
        return new Database(url, pool, logPool);
    }

    private static HikariDataSource pool(DatabaseUrl url, String name, int size, String synchronous) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setJdbcUrl(url.jdbcUrl());
        c.setMaximumPoolSize(size);
        c.setConnectionTimeout(5_000);
        c.setValidationTimeout(2_000);
        if (url.user() != null) {
            c.setUsername(url.user());
        }
        if (url.password() != null) {
            c.setPassword(url.password());
        }
        if (url.schema() != null) {
            c.setSchema(url.schema());
        }
        if (url.dialect() == DatabaseUrl.Dialect.SQLITE) {
            // xerial reads these pragmas from the connection properties, so every pooled connection gets them
            c.addDataSourceProperty("journal_mode", "WAL");
            // FULL: a commit survives a crash and a power cut; NORMAL (the history writer's connection) leaves the
            // log's fsync to syncLog, so the writer stores the next batch while the disk takes the last one
            c.addDataSourceProperty("synchronous", synchronous);
            c.addDataSourceProperty("busy_timeout", "5000");
            // 32 MiB of page cache per connection (SQLite's default is 2 MiB): the writer's batches touch a page per
            // conversation in the events_by_conversation index and kept evicting them (docs/performance.md)
            c.addDataSourceProperty("cache_size", "-32768");
            // the WAL is copied back into the database every 10,000 pages (about 40 MiB) instead of SQLite's 1,000: the
            // committing writer runs the checkpoint, and pages that a busy minute rewrites are copied back once
            c.addDataSourceProperty("wal_autocheckpoint", "10000");
        }
        try {
            return new HikariDataSource(c);
        } catch (RuntimeException e) {
            throw new HistoryException("cannot open the history database " + url + ": " + rootMessage(e), e);
        }
    }

    public DatabaseUrl url() {
        return url;
    }

    @FunctionalInterface
    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> T query(String what, String sql, List<?> args, Rows<T> rows) {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot read " + what + ": " + rootMessage(e), e);
        }
    }

    int update(String what, String sql, List<?> args) {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new HistoryException("cannot " + what + ": " + rootMessage(e), e);
        }
    }

    private static void bind(PreparedStatement ps, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    @FunctionalInterface
    interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    void inTransaction(String what, Work work) {
        inTransaction(pool, what, work);
    }

    /**
     * Like {@link #inTransaction}, on the history writer's connection: with SQLite the commit is durable only after
     * the next {@link #syncLog}.
     */
    void inLogTransaction(String what, Work work) {
        inTransaction(logPool == null ? pool : logPool, what, work);
    }

    /**
     * Makes every commit of {@link #inLogTransaction} so far durable: with SQLite one fsync of the write-ahead log,
     * however many commits it holds; nothing to do with PostgreSQL, whose commits are durable when they return.
     */
    void syncLog() {
        Path log = wal;
        if (log == null) {
            return;
        }
        // SQLite takes no locks on the log file itself, so opening and closing it here cannot drop one of its locks
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.force(false);
        } catch (NoSuchFileException e) {
            // the log was copied into the database file and removed, which SQLite syncs before it removes the log
        } catch (IOException e) {
            throw new HistoryException("cannot sync the history log " + log + ": " + e.getMessage(), e);
        }
    }

    private static void inTransaction(HikariDataSource pool, String what, Work work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot " + what + ": " + rootMessage(e), e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed", e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t.getCause() != null && depth < 10; depth++) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage() == null ? t : t.getMessage());
    }

    @Override
    public void close() {
        if (logPool != null) {
            logPool.close();
        }
        pool.close();
    }
}
