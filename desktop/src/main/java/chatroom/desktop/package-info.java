/**
 * The desktop client ({@code chatroom gui}): a Swing + FlatLaf front end that renders what a {@link
 * chatroom.client.ChatClient} reports. Every Swing call happens on the EDT; client events cross over with {@code
 * SwingUtilities.invokeLater}.
 */
@NullMarked
package chatroom.desktop;

import org.jspecify.annotations.NullMarked;
