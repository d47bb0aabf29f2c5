package chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The packaged jar run as a user runs it, on 127.0.0.1 with any free ports; the listening lines tell the ports. */
final class ServerProcess implements AutoCloseable {
    final Process process;
    final Map<String, InetSocketAddress> listening = new HashMap<>();

    private ServerProcess(Process process) {
        this.process = process;
    }

    /** Starts the jar and waits until it prints {@code ports} listening lines. */
    static ServerProcess start(Path dataDir, int ports, String... extra) throws IOException {
        Path jar = Path.of("target", "chatroom.jar");
        assertThat(jar).exists();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var cmd = new ArrayList<>(List.of(
                javaBin,
                "-jar",
                jar.toString(),
                "server",
                "--bind",
                "127.0.0.1",
                "--irc-port",
                "0",
                "--plain-port",
                "0",
                "--irc-tls-port",
                "0",
                "--http-port",
                "0",
                "--data-dir",
                dataDir.toString()));
        cmd.addAll(List.of(extra));
        ServerProcess p = new ServerProcess(new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("stderr.txt").toFile()))
                .start());
        BufferedReader out =
                new BufferedReader(new InputStreamReader(p.process.getInputStream(), StandardCharsets.UTF_8));
        while (p.listening.size() < ports) {
            String line = out.readLine();
            assertThat(line).as("server stdout ended before it listened").isNotNull();
            if (line.startsWith("listening ")) {
                String[] parts = line.split(" ");
                String[] hostPort = parts[2].split(":");
                p.listening.put(parts[1], new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])));
            }
        }
        CompletableFuture.runAsync(() -> out.lines().forEach(l -> {}));
        return p;
    }

    InetSocketAddress irc() {
        return listening.get("irc");
    }

    OutputStream console() {
        return process.getOutputStream();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing the server can do about it. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
