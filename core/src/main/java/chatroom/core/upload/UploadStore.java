package chatroom.core.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where shared files and their metadata are kept. Every method may block (disk, database): call it off the hub and off
 * the event loops.
 */
public interface UploadStore {
    /** Keeps {@code content} as {@code upload}, whose {@code sha256} and {@code size} must describe it. */
    void put(Upload upload, InputStream content) throws IOException;

    /** A file that was shared and not deleted. */
    Optional<Upload> find(String id);

    /** The bytes of a file found by {@link #find}, from {@code offset} on. */
    InputStream open(Upload upload, long offset) throws IOException;

    /** A path to the bytes when they are in a file (for zero-copy serving), else empty. */
    Optional<Path> path(Upload upload);

    /** Forgets a file; its bytes go when no other upload shares them. Returns whether it existed. */
    boolean delete(String id) throws IOException;

    /** The files created before {@code before}, for retention. */
    List<Upload> createdBefore(Instant before);
}
