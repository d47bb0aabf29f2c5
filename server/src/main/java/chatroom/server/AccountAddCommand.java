package chatroom.server;

import chatroom.core.Passwords;
import chatroom.core.account.Account;
import chatroom.core.account.ScramCredentials;
import chatroom.core.history.HistoryException;
import chatroom.protocol.CaseMapping;
import chatroom.store.Database;
import chatroom.store.DatabaseUrl;
import chatroom.store.JdbcAccountStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chatroom add-account NAME}: an operator creates an account (for example when self-registration is off),
 * with the password read from standard input so it stays out of the shell history and the process list; the account
 * gets a bcrypt hash and SCRAM-SHA-256 credentials, never the password itself. Works while the server runs.
 */
@Command(
        name = "add-account",
        mixinStandardHelpOptions = true,
        description = "Create an account; the password is read from standard input.",
        showDefaultValues = true)
final class AccountAddCommand implements Callable<Integer> {
    @Spec
    @Nullable
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The account name (also the nick it protects).")
    String name = "";

    @Option(names = "--data-dir", defaultValue = "./data", description = "The server's data directory.")
    Path dataDir = Path.of("data");

    @Option(names = "--db", paramLabel = "URL", defaultValue = "", description = "As the server's --db.")
    String db = "";

    @Override
    @SuppressForbidden // reads the password from standard input
    public Integer call() throws IOException {
        LogSetup.tool(dataDir);
        CommandSpec s = Objects.requireNonNull(spec, "picocli injects the spec");
        PrintWriter err = s.commandLine().getErr();
        String problem = CaseMapping.nickError(name, 30);
        if (problem != null) {
            err.println("Not a valid account name: " + problem);
            return 2;
        }
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isEmpty()) {
            err.println("no password on standard input");
            return 2;
        }
        try (Database database = Database.open(DatabaseUrl.parse(db, dataDir))) {
            Account a = new Account(
                    name,
                    CaseMapping.fold(name),
                    Passwords.hash(password),
                    Instant.now(),
                    ScramCredentials.derive(password));
            if (!new JdbcAccountStore(database).create(a)) {
                err.println("The account " + name + " already exists");
                return 1;
            }
        } catch (HistoryException | IllegalArgumentException e) {
            err.println("Cannot add the account: " + e.getMessage());
            return 1;
        }
        s.commandLine().getOut().println("Account " + name + " created");
        s.commandLine().getOut().flush();
        return 0;
    }
}
