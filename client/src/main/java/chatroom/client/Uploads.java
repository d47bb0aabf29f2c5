package chatroom.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The HTTP half of sharing a file (ISUPPORT {@code draft/FILEHOST}): {@code POST} the file with the token the server
 * gave over IRC, and return the link from {@code Location}. Blocking: runs on a virtual thread, never the client's.
 */
final class Uploads {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Uploads() {}

    /** Uploads {@code file}; returns the absolute URL of the shared file, or throws with the server's reason. */
    static String post(String fileHost, String token, Path file) throws IOException, InterruptedException {
        String type = Files.probeContentType(file);
        String name = file.getFileName() == null ? "file" : file.getFileName().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(fileHost))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", type == null ? "application/octet-stream" : type)
                .header(
                        "Content-Disposition",
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String location = response.headers().firstValue("Location").orElse(null);
        if (response.statusCode() != 201 || location == null) {
            String body = response.body().strip();
            throw new IOException(body.isEmpty() ? "HTTP " + response.statusCode() : body);
        }
        return URI.create(fileHost).resolve(location).toString();
    }
}
