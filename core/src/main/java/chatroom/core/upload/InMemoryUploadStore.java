package chatroom.core.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Files in memory: for unit tests. */
public final class InMemoryUploadStore implements UploadStore {
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

    @Override
    public void put(Upload upload, InputStream content) throws IOException {
        contents.put(upload.sha256(), content.readAllBytes());
        uploads.put(upload.id(), upload);
    }

    @Override
    public Optional<Upload> find(String id) {
        return Optional.ofNullable(uploads.get(id));
    }

    @Override
    public InputStream open(Upload upload, long offset) throws IOException {
        byte[] bytes = contents.get(upload.sha256());
        if (bytes == null) {
            throw new IOException("no content for " + upload.id());
        }
        InputStream in = new ByteArrayInputStream(bytes);
        in.skipNBytes(offset);
        return in;
    }

    @Override
    public Optional<Path> path(Upload upload) {
        return Optional.empty();
    }

    @Override
    public boolean delete(String id) {
        Upload gone = uploads.remove(id);
        if (gone != null && uploads.values().stream().noneMatch(u -> u.sha256().equals(gone.sha256()))) {
            contents.remove(gone.sha256());
        }
        return gone != null;
    }

    @Override
    public List<Upload> createdBefore(Instant before) {
        return uploads.values().stream()
                .filter(u -> u.createdAt().isBefore(before))
                .toList();
    }
}
