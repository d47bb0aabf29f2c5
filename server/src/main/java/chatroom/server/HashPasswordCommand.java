package chatroom.server;

import chatroom.core.Passwords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chatroom hash-password}: reads a password from stdin and prints its bcrypt hash for {@code --oper}. */
@Command(
        name = "hash-password",
        mixinStandardHelpOptions = true,
        description = "Read a password on standard input and print its bcrypt hash (for --oper NAME:HASH).")
final class HashPasswordCommand implements Callable<Integer> {
    @Spec
    @Nullable
    CommandSpec spec;

    @Override
    @SuppressForbidden // reads the password from standard input
    public Integer call() throws IOException {
        if (spec == null) {
            return 1;
        }
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isEmpty()) {
            spec.commandLine().getErr().println("no password on standard input");
            return 2;
        }
        spec.commandLine().getOut().println(Passwords.hash(password));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
