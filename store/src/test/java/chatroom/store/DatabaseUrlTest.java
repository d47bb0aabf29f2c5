package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void blankMeansTheSqliteFileInTheDataDirectory() {
        DatabaseUrl u = DatabaseUrl.parse(" ", Path.of("/srv/chat"));
        assertThat(u.dialect()).isEqualTo(DatabaseUrl.Dialect.SQLITE);
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:sqlite:/srv/chat/chatroom.db");
    }

    @Test
    void postgresUrlsCarryUserPasswordPortAndSchema() {
        DatabaseUrl u = DatabaseUrl.parse(
                "postgresql://chat:p%40ss@db.local:5433/chat?schema=s1&sslmode=disable", Path.of("."));
        assertThat(u.dialect()).isEqualTo(DatabaseUrl.Dialect.POSTGRESQL);
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/chat?sslmode=disable");
        assertThat(u.user()).isEqualTo("chat");
        assertThat(u.password()).isEqualTo("p@ss");
        assertThat(u.schema()).isEqualTo("s1");
        assertThat(u.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
    }

    @Test
    void aPlusSignInThePasswordIsAPlusSign() {
        assertThat(DatabaseUrl.parse("postgresql://u:a+b%2Bc@h/d", Path.of(".")).password())
                .isEqualTo("a+b+c");
    }

    @Test
    void anInvalidUrlIsRefusedWithoutThePasswordEvenInTheCause() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:hunter 2/x@h/d", Path.of(".")))
                .hasMessageStartingWith("--db is not a valid URL")
                .hasMessageNotContaining("hunter")
                .hasNoCause();
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql:/u:hunter2@h/d", Path.of(".")))
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:100%@h/d", Path.of(".")))
                .hasMessageContaining("Malformed escape pair");
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:a\u0000b", Path.of(".")))
                .hasMessageStartingWith("--db sqlite:FILE is not a usable file name");
    }

    @Test
    void nonsenseIsRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:hunter2@h/d", Path.of(".")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--db must be")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:pw@h", Path.of(".")))
                .hasMessageContaining("needs a host and a database");
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:", Path.of("."))).hasMessageContaining("file name");
    }
}
