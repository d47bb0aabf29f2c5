package chatroom.store;

import chatroom.core.upload.Upload;
import chatroom.core.upload.UploadStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Shared files: metadata in the database (table {@code uploads}, migration V7), bytes under a folder of the data
 * directory, one file per content named by its SHA-256 ({@code ab/abcdef...}), so a file shared twice is kept once.
 */
public final class JdbcUploadStore implements UploadStore {
    private static final String COLUMNS =
            "id, sha256, name, content_type, size, uploader_nick, uploader_account, created_ms";

    private final Database db;
    private final Path folder;

    public JdbcUploadStore(Database db, Path folder) {
        this.db = db;
        this.folder = folder;
    }

    private Path blob(String sha256) {
        return folder.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    @Override
    public void put(Upload u, InputStream content) throws IOException {
        if (!u.sha256().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + u.sha256());
        }
        Path target = blob(u.sha256());
        Path dir = Files.createDirectories(folder.resolve(u.sha256().substring(0, 2)));
        if (!Files.exists(target)) {
            // written beside its final name, then renamed: a crash never leaves half a file under that name
            Path partial = Files.createTempFile(dir, "upload", ".part");
            try {
                Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        db.update(
                "save an upload",
                "INSERT INTO uploads (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(
                        u.id(),
                        u.sha256(),
                        u.name(),
                        u.contentType(),
                        u.size(),
                        u.uploaderNick(),
                        u.uploaderAccount(),
                        u.createdAt().toEpochMilli()));
    }

    @Override
    public Optional<Upload> find(String id) {
        return db.query("an upload", "SELECT " + COLUMNS + " FROM uploads WHERE id = ?", List.of(id), rs -> {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        });
    }

    @Override
    public InputStream open(Upload upload, long offset) throws IOException {
        InputStream in = Files.newInputStream(blob(upload.sha256()));
        in.skipNBytes(offset);
        return in;
    }

    @Override
    public Optional<Path> path(Upload upload) {
        return Optional.of(blob(upload.sha256()));
    }

    @Override
    public boolean delete(String id) throws IOException {
        Optional<Upload> found = find(id);
        if (found.isEmpty()) {
            return false;
        }
        String sha = found.get().sha256();
        db.update("delete an upload", "DELETE FROM uploads WHERE id = ?", List.of(id));
        long others = db.query(
                "uploads of a content",
                "SELECT COUNT(*) FROM uploads WHERE sha256 = ?",
                List.of(sha),
                rs -> rs.next() ? rs.getLong(1) : 0L);
        if (others == 0) {
            Files.deleteIfExists(blob(sha));
        }
        return true;
    }

    @Override
    public List<Upload> createdBefore(Instant before) {
        return db.query(
                "old uploads",
                "SELECT " + COLUMNS + " FROM uploads WHERE created_ms < ? ORDER BY created_ms",
                List.of(before.toEpochMilli()),
                rs -> {
                    List<Upload> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                    return out;
                });
    }

    private static Upload read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Upload(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7),
                Instant.ofEpochMilli(rs.getLong(8)));
    }
}
