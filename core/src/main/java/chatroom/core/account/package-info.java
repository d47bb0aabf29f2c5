/** Accounts: registered names with a password hash, the port that keeps them, and login by SASL or NickServ. */
@NullMarked
package chatroom.core.account;

import org.jspecify.annotations.NullMarked;
