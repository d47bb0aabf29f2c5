package chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptsTest {
    @TempDir
    Path dir;

    private static ChatMessage line(String conversation, boolean room, String sender, String text, boolean notice) {
        return new ChatMessage(conversation, room, sender, text, Instant.parse("2026-12-01T07:45:12Z"), null, notice);
    }

    @Test
    void eachRoomAndEachWhisperPartnerHasItsOwnFileAndEveryEventGoesOn() throws Exception {
        List<ChatMessage> seen = new ArrayList<>();
        ChatListener next = new ChatListener() {
            @Override
            public void message(ChatMessage message) {
                seen.add(message);
            }
        };
        try (Transcripts t = new Transcripts(dir, ZoneOffset.ofHours(8), next)) {
            t.message(line("#课堂", true, "小红", "大家好", false));
            t.message(line("#课堂", true, "bob", "hello everyone", false));
            t.message(line("Bob", false, "bob", "psst", false));
            t.message(line("bob", false, "me", "yes?", false));
            t.message(line("#课堂", true, "server", "class starts", true));
            t.message(line("../etc", true, "x", "no escape", false));
        }
        assertThat(Files.readAllLines(t(dir, "#课堂.log"), StandardCharsets.UTF_8))
                .containsExactly(
                        "[2026-12-01 15:45:12] 小红: 大家好",
                        "[2026-12-01 15:45:12] bob: hello everyone",
                        "[2026-12-01 15:45:12] -server- class starts");
        assertThat(Files.readAllLines(t(dir, "bob.log"), StandardCharsets.UTF_8))
                .as("one file per person, whatever the case of the nick")
                .containsExactly("[2026-12-01 15:45:12] bob: psst", "[2026-12-01 15:45:12] me: yes?");
        assertThat(Files.exists(t(dir, "_.._etc.log")))
                .as("a name cannot leave the directory")
                .isTrue();
        assertThat(seen).hasSize(6);
    }

    @Test
    void linesAreAppendedAcrossRuns() throws Exception {
        try (Transcripts t = new Transcripts(dir, ZoneOffset.UTC, new ChatListener() {})) {
            t.message(line("#a", true, "ann", "first run", false));
        }
        try (Transcripts t = new Transcripts(dir, ZoneOffset.UTC, new ChatListener() {})) {
            t.message(line("#a", true, "ann", "second run", false));
        }
        assertThat(Files.readAllLines(dir.resolve("#a.log")))
                .containsExactly("[2026-12-01 07:45:12] ann: first run", "[2026-12-01 07:45:12] ann: second run");
    }

    private static Path t(Path dir, String name) {
        return dir.resolve(name);
    }
}
