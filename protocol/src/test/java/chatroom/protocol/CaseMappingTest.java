package chatroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseMappingTest {
    @Test
    void foldsAsciiPerRfc1459() {
        assertThat(CaseMapping.fold("Alice[]\\~")).isEqualTo("alice{}|^");
        assertThat(CaseMapping.fold("alice{}|^")).isEqualTo("alice{}|^");
        assertThat(CaseMapping.fold("BOB张三")).isEqualTo("bob张三");
    }

    @Test
    void foldsOtherScriptsAndKeepsChinese() {
        assertThat(CaseMapping.fold("ÉMILE")).isEqualTo(CaseMapping.fold("émile"));
        assertThat(CaseMapping.fold("张三")).isEqualTo("张三");
        // NFC: e + combining acute equals precomposed é
        assertThat(CaseMapping.fold("e\u0301")).isEqualTo(CaseMapping.fold("\u00e9"));
    }

    @Test
    void nickRulesGiveReasons() {
        assertThat(CaseMapping.nickError("张三", 30)).isNull();
        assertThat(CaseMapping.nickError("bob[away]", 30)).isNull();
        assertThat(CaseMapping.nickError("", 30)).contains("empty");
        assertThat(CaseMapping.nickError("1abc", 30)).contains("digit");
        assertThat(CaseMapping.nickError("a b", 30)).contains("only contain");
        assertThat(CaseMapping.nickError("a,b", 30)).contains("only contain");
        assertThat(CaseMapping.nickError("#chan", 30)).contains("only contain");
        assertThat(CaseMapping.nickError("x".repeat(31), 30)).contains("longer");
    }

    @Test
    void channelRules() {
        assertThat(CaseMapping.channelError("#大厅", 64)).isNull();
        assertThat(CaseMapping.channelError("lobby", 64)).isNotNull();
        assertThat(CaseMapping.channelError("#a,b", 64)).isNotNull();
        assertThat(CaseMapping.channelError("#a\u0007", 64)).isNotNull();
        assertThat(CaseMapping.channelError("#", 64)).isNotNull();
    }
}
