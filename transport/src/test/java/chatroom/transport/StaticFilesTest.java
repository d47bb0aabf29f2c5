package chatroom.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsAFolderOnTheClassPath() throws IOException {
        Path web = Files.createDirectories(dir.resolve("chatroom/web/js"));
        Files.writeString(web.getParent().resolve("index.html"), "<!doctype html>");
        Files.writeString(web.resolve("main.js"), "export {}");
        Files.writeString(web.resolve("notes.txt"), "not served");

        StaticFiles files =
                StaticFiles.load(new URLClassLoader(new URL[] {dir.toUri().toURL()}, null));

        assertThat(files.find("/")).isNotNull();
        assertThat(files.find("/index.html").contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(files.find("/js/main.js").content().toString(StandardCharsets.UTF_8))
                .isEqualTo("export {}");
        assertThat(files.find("/js/notes.txt")).as("only known types").isNull();
        assertThat(files.find("/../pom.xml")).isNull();
    }

    @Test
    void readsAJar() throws IOException {
        Path jar = dir.resolve("web.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("chatroom/web/index.html"));
            out.write("<p>hi</p>".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("chatroom/web/app.css"));
            out.write("p{}".getBytes(StandardCharsets.UTF_8));
        }

        StaticFiles files =
                StaticFiles.load(new URLClassLoader(new URL[] {jar.toUri().toURL()}, null));

        assertThat(files.find("/app.css").contentType()).startsWith("text/css");
        assertThat(files.find("/index.html").etag()).startsWith("\"").hasSize(26);
    }

    @Test
    void noFolderMeansNoFiles() throws IOException {
        StaticFiles files =
                StaticFiles.load(new URLClassLoader(new URL[] {dir.toUri().toURL()}, null));

        assertThat(files.isEmpty()).isTrue();
        assertThat(files.find("/")).isNull();
    }
}
