package chatroom.desktop;

import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.event.InputEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.TransferHandler;

/**
 * Files dropped (or pasted) on a component are shared; anything else (text) goes to the component's own handler, so
 * copying and pasting text keep working.
 */
final class FileDrop extends TransferHandler {
    private static final long serialVersionUID = 1L;

    private final TransferHandler text;
    private final transient Consumer<List<Path>> share;

    private FileDrop(TransferHandler text, Consumer<List<Path>> share) {
        this.text = text;
        this.share = share;
    }

    /** Makes {@code c} share the files dropped on it. */
    static void install(JComponent c, Consumer<List<Path>> share) {
        c.setTransferHandler(new FileDrop(c.getTransferHandler(), share));
    }

    @Override
    public boolean canImport(TransferSupport support) {
        return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor) || text.canImport(support);
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
            return text.importData(support);
        }
        try {
            List<?> files = (List<?>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
            List<Path> paths = files.stream()
                    .filter(File.class::isInstance)
                    .map(f -> ((File) f).toPath())
                    .toList();
            if (paths.isEmpty()) {
                return false;
            }
            share.accept(paths);
            return true;
        } catch (UnsupportedFlavorException | IOException e) {
            return false;
        }
    }

    @Override
    public int getSourceActions(JComponent c) {
        return text.getSourceActions(c);
    }

    @Override
    public void exportAsDrag(JComponent comp, InputEvent e, int action) {
        text.exportAsDrag(comp, e, action);
    }

    @Override
    public void exportToClipboard(JComponent comp, Clipboard clip, int action) {
        text.exportToClipboard(comp, clip, action);
    }
}
