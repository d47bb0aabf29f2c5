package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.IrcWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabeledResponseTest {
    final ChatFixture f = new ChatFixture();

    private Session labeled(String nick) {
        Session s = f.register(nick);
        f.send(s, "CAP REQ :batch labeled-response echo-message");
        f.got(s);
        return s;
    }

    private List<String> withTags(List<IrcMessage> messages) {
        return messages.stream().map(IrcWriter::write).toList();
    }

    @Test
    void oneReplyCarriesTheLabel() {
        Session s = labeled("alice");
        f.send(s, "@label=l1 PING :x");
        assertThat(withTags(f.outbox.takeMessages(s)))
                .containsExactly("@label=l1 :chatroom.local PONG chatroom.local x");
    }

    @Test
    void noReplyIsALabeledAck() {
        Session s = labeled("alice");
        f.send(s, "@label=l2 PONG :x");
        assertThat(withTags(f.outbox.takeMessages(s))).containsExactly("@label=l2 :chatroom.local ACK");
    }

    @Test
    void severalRepliesComeInALabeledBatch() {
        Session s = labeled("alice");
        f.send(s, "@label=l3 JOIN #b");
        List<String> lines = withTags(f.outbox.takeMessages(s));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("@label=l3 :chatroom\\.local BATCH \\+(\\S+) labeled-response");
        String id = lines.get(0).split(" ")[3].substring(1);
        assertThat(lines.subList(1, 4))
                .allMatch(l -> l.startsWith("@batch=" + id + ";") || l.startsWith("@batch=" + id + " "));
        assertThat(lines.get(4)).isEqualTo(":chatroom.local BATCH -" + id);
    }

    @Test
    void theLabelGoesOnlyToTheSenderAndAMessageToSelfIsLabeledOnce() {
        Session a = labeled("alice");
        Session b = labeled("bob");
        f.send(a, "@label=l4 PRIVMSG bob :hi");
        assertThat(withTags(f.outbox.takeMessages(b)))
                .singleElement()
                .asString()
                .doesNotContain("label");
        assertThat(withTags(f.outbox.takeMessages(a)))
                .singleElement()
                .asString()
                .startsWith("@label=l4;");
        f.send(a, "@label=l5 PRIVMSG alice :me");
        assertThat(withTags(f.outbox.takeMessages(a)))
                .hasSize(2)
                .filteredOn(l -> l.contains("label=l5"))
                .hasSize(1);
    }

    @Test
    void withoutTheCapTheLabelIsIgnored() {
        Session s = f.register("carol");
        f.send(s, "@label=l6 PING :x");
        assertThat(withTags(f.outbox.takeMessages(s))).containsExactly(":chatroom.local PONG chatroom.local x");
    }
}
