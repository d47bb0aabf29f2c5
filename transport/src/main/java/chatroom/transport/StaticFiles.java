package chatroom.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The browser client's files, read from the classpath folder {@code chatroom/web/} (the {@code web} module) once, when
 * the server starts, and kept in memory: the event loops never touch the disk or the jar. A request path maps to a
 * file of that folder or to nothing; {@code /} is {@code index.html}.
 */
final class StaticFiles {
    static final String FOLDER = "chatroom/web";

    /** One file: its bytes, its content type and an ETag made of its content. */
    static final class File {
        private final byte[] bytes;
        private final String contentType;
        private final String etag;

        File(byte[] bytes, String contentType, String etag) {
            this.bytes = bytes;
            this.contentType = contentType;
            this.etag = etag;
        }

        /** The bytes, wrapped without copying; the buffer must not be written to. */
        ByteBuf content() {
            return Unpooled.wrappedBuffer(bytes);
        }

        int length() {
            return bytes.length;
        }

        String contentType() {
            return contentType;
        }

        String etag() {
            return etag;
        }
    }

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json");

    private final Map<String, File> files;

    private StaticFiles(Map<String, File> files) {
        this.files = Map.copyOf(files);
    }

    /** The files under {@link #FOLDER} on the class path of {@code loader}; none when the folder is missing. */
    static StaticFiles load(ClassLoader loader) {
        URL index = loader.getResource(FOLDER + "/index.html");
        if (index == null) {
            return new StaticFiles(Map.of());
        }
        try {
            URI uri = index.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return new StaticFiles(read(jar.getPath("/" + FOLDER)));
                }
            }
            return new StaticFiles(read(Path.of(uri).resolveSibling(".")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web client's files", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, File> read(Path root) throws IOException {
        Map<String, File> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(p).toString().replace('\\', '/');
                String type = TYPES.get(extension(name));
                if (type != null) {
                    byte[] bytes = Files.readAllBytes(p);
                    files.put("/" + name, new File(bytes, type, etag(bytes)));
                }
            }
        }
        return files;
    }

    /** The file for a request path (without query), or null. */
    @Nullable
    File find(String path) {
        return files.get(path.equals("/") ? "/index.html" : path);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + HexFormat.of().formatHex(digest, 0, 12) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
