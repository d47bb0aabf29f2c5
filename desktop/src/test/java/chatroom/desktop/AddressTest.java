package chatroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTest {
    @Test
    void hostAloneMeansTheDefaultIrcPort() {
        assertThat(Address.parse(" chat.example.org ")).isEqualTo(new Address("chat.example.org", 6667));
    }

    @Test
    void hostAndPortAndBracketedIpv6AreUnderstood() {
        assertThat(Address.parse("127.0.0.1:6697")).isEqualTo(new Address("127.0.0.1", 6697));
        assertThat(Address.parse("[::1]:7000")).isEqualTo(new Address("::1", 7000));
        assertThat(Address.parse("[::1]")).isEqualTo(new Address("::1", 6667));
        assertThat(Address.parse("::1")).isEqualTo(new Address("::1", 6667));
        assertThat(new Address("::1", 7000)).hasToString("[::1]:7000");
    }

    @Test
    void whatIsNotAnAddressIsRefused() {
        assertThat(Address.parse("")).isNull();
        assertThat(Address.parse("host:")).isNull();
        assertThat(Address.parse("host:port")).isNull();
        assertThat(Address.parse("host:70000")).isNull();
        assertThat(Address.parse("two words")).isNull();
        assertThat(Address.parse("[::1")).isNull();
    }
}
