package chatroom.desktop;

import chatroom.client.Transcripts;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chatroom gui}: the desktop client. Returns when the user has closed it. */
@Command(
        name = "gui",
        mixinStandardHelpOptions = true,
        description = "The desktop client: a login window, then the chat window.")
public final class GuiCommand implements Callable<Integer> {
    @Spec
    @Nullable
    CommandSpec spec;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of the windows (default: the system's).")
    String lang = "";

    @ArgGroup(exclusive = true)
    @Nullable
    Theme theme;

    static final class Theme {
        @Option(names = "--dark", description = "Dark theme.")
        boolean dark;

        @Option(names = "--light", description = "Light theme (the default).")
        boolean light;
    }

    @Option(
            names = "--log-dir",
            paramLabel = "DIR",
            description = "Where transcripts go (default: $XDG_DATA_HOME/chatroom/transcripts).")
    @Nullable
    Path logDir;

    @Option(names = "--no-log", description = "Keep no transcripts.")
    boolean noLog;

    @Override
    public Integer call() throws InterruptedException {
        if (!lang.isEmpty() && !lang.equals("en") && !lang.equals("zh")) {
            err("--lang is en or zh, not " + lang);
            return 2;
        }
        if (GraphicsEnvironment.isHeadless()) {
            err(
                    "There is no display to show windows on (is DISPLAY set?). Try the terminal client: chatroom client NAME");
            return 1;
        }
        Path transcripts = noLog ? null : logDir != null ? logDir : Transcripts.defaultDirectory();
        Desktop.Options options = new Desktop.Options(
                Ui.choose(lang, Locale.getDefault()),
                theme != null && theme.dark,
                LoginSettings.defaultDirectory(),
                transcripts);
        try {
            Desktop.start(options).closed().get();
        } catch (InvocationTargetException | ExecutionException e) {
            err("The desktop client stopped: " + e.getCause());
            return 1;
        }
        return 0;
    }

    private void err(String text) {
        if (spec != null) {
            spec.commandLine().getErr().println(text);
        }
    }
}
