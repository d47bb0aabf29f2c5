package chatroom.store;

import chatroom.core.Confusables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Migration V6 for both dialects: each account gets the skeleton of its name ({@link Confusables}), so a nick that
 * only looks like a registered one is found; computed here because SQL cannot.
 */
public final class AccountSkeletons {
    private AccountSkeletons() {}

    public static void migrate(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE accounts ADD COLUMN skeleton TEXT");
        }
        Map<String, String> names = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT folded, name FROM accounts")) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET skeleton = ? WHERE folded = ?")) {
            for (var e : names.entrySet()) {
                ps.setString(1, Confusables.skeleton(e.getValue()));
                ps.setString(2, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX accounts_skeleton ON accounts (skeleton)");
        }
    }
}
