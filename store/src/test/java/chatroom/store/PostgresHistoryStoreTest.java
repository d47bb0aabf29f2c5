package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatroom.core.history.HistoryException;
import chatroom.core.history.HistoryStore;
import chatroom.testkit.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PostgresHistoryStoreTest extends HistoryStoreContract {
    @Override
    HistoryStore open() {
        return JdbcHistoryStore.open(DatabaseUrl.parse(TestPostgres.freshSchemaUrl(), Path.of(".")));
    }

    @Test
    void anUnreachableServerIsAClearErrorWithoutThePassword() {
        var url = DatabaseUrl.parse("postgresql://chatroom:s3cret@127.0.0.1:1/none", Path.of("."));
        assertThatThrownBy(() -> JdbcHistoryStore.open(url))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("cannot open the history database postgresql://127.0.0.1:1/none")
                .hasMessageNotContaining("s3cret");
        assertThat(url.toString()).doesNotContain("s3cret");
    }
}
