package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.account.Account;
import chatroom.core.account.InMemoryAccountStore;
import chatroom.core.room.InMemoryRoomStore;
import chatroom.core.room.RegisteredRoom;
import chatroom.core.upload.RoomUploads;
import chatroom.core.user.Session;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ChanServ: registering rooms, the access list, and what a registered room keeps across emptiness and restarts. */
class ChanServTest {
    static final String CS = ":ChanServ!ChanServ@services.chatroom.local";

    final InMemoryAccountStore accounts = new InMemoryAccountStore();
    final InMemoryRoomStore rooms = new InMemoryRoomStore();
    ChatFixture f = new ChatFixture(accounts, rooms);
    Session alice;

    @BeforeEach
    void aliceOwnsAnAccountAndOperatesARoom() {
        // account names differ from the nicks: a registered nick is refused to anyone not logged in to it
        for (String name : new String[] {"ann", "bea", "cat"}) {
            accounts.create(new Account(name, name, "$2a$12$unused", Instant.EPOCH));
        }
        alice = f.register("alice");
        f.ask(alice, "JOIN #a");
    }

    private Session loggedIn(String nick) {
        Session s = f.register(nick);
        f.logIn(s, nick.equals("bob") ? "bea" : "cat");
        return s;
    }

    @Test
    void registeringNeedsAnAccountAndOperatorStatus() {
        assertThat(f.ask(alice, "PRIVMSG ChanServ :REGISTER #a"))
                .containsExactly(CS + " NOTICE alice :Log in to an account first (NickServ IDENTIFY or SASL); the room"
                        + " is registered to it");
        f.logIn(alice, "ann");
        Session bob = loggedIn("bob");
        f.ask(bob, "JOIN #a");
        f.got(alice);
        assertThat(f.ask(bob, "CS REGISTER #a"))
                .containsExactly(CS + " NOTICE bob :You must be an operator of #a to register it");
        assertThat(f.ask(bob, "CS REGISTER #nowhere"))
                .containsExactly(CS + " NOTICE bob :You must be an operator of #nowhere to register it");
        assertThat(f.ask(alice, "CHANSERV register #A"))
                .containsExactly(CS + " NOTICE alice :#a is now registered to ann");
        assertThat(f.ask(alice, "CS REGISTER #a")).containsExactly(CS + " NOTICE alice :#a is already registered");
        assertThat(f.ask(bob, "CS INFO #a"))
                .containsExactly(
                        CS + " NOTICE bob :Information on #a:",
                        CS + " NOTICE bob :Founder: ann",
                        CS + " NOTICE bob :Registered: 2026-11-23T12:00:00Z",
                        CS + " NOTICE bob :Uploads: default (whoever the server's policy allows)");
        assertThat(f.ask(bob, "NICK ChanServ"))
                .containsExactly(":chatroom.local 432 bob ChanServ :That name belongs to the server's services");
    }

    @Test
    void aRegisteredRoomOutlivesItsMembersAndItsFounderGetsOperatorStatusBack() {
        f.logIn(alice, "ann");
        f.ask(alice, "CS REGISTER #a");
        f.ask(alice, "TOPIC #a :kept 保留");
        f.ask(alice, "PART #a");
        assertThat(f.state.room("#a")).isNotNull();
        Session bob = loggedIn("bob");
        assertThat(f.ask(bob, "JOIN #a"))
                .contains(":chatroom.local 332 bob #a :kept 保留", ":chatroom.local 353 bob = #a bob");
        assertThat(f.ask(alice, "JOIN #a"))
                .containsSubsequence(
                        ":alice!alice@10.0.0.1 JOIN #a",
                        CS + " MODE #a +o alice",
                        ":chatroom.local 353 alice = #a :bob @alice");
        assertThat(f.got(bob)).containsExactly(":alice!alice@10.0.0.1 JOIN #a", CS + " MODE #a +o alice");
    }

    @Test
    void theAccessListGivesStatusOnJoiningAndOnlyTheFounderChangesIt() {
        f.logIn(alice, "ann");
        f.ask(alice, "CS REGISTER #a");
        Session bob = loggedIn("bob");
        Session carol = loggedIn("carol");
        f.ask(bob, "JOIN #a");
        f.got(alice);
        assertThat(f.ask(alice, "CS AMODE #a +o bea"))
                .containsExactly(CS + " NOTICE alice :bea now gets +o in #a", CS + " MODE #a +o bob");
        assertThat(f.got(bob)).containsExactly(CS + " MODE #a +o bob");
        assertThat(f.ask(alice, "CS AMODE #a +v cat")).containsExactly(CS + " NOTICE alice :cat now gets +v in #a");
        assertThat(f.ask(alice, "CS AMODE #a +o nobody"))
                .containsExactly(CS + " NOTICE alice :There is no account named nobody");
        assertThat(f.ask(bob, "CS AMODE #a +o bea"))
                .containsExactly(
                        CS + " NOTICE bob :Only the founder of #a or a server operator may change its access list");
        assertThat(f.ask(bob, "CS AMODE #a"))
                .containsExactly(
                        CS + " NOTICE bob :Access list of #a (founder ann):",
                        CS + " NOTICE bob :+o bea",
                        CS + " NOTICE bob :+v cat",
                        CS + " NOTICE bob :End of access list (2 entries)");
        assertThat(f.ask(carol, "JOIN #a")).contains(CS + " MODE #a +v carol");
        f.got(alice);
        f.got(bob);
        // an operator by the access list may KICK, and set the topic of a +t room
        assertThat(f.ask(bob, "TOPIC #a :by bob")).containsExactly(":bob!bob@10.0.0.1 TOPIC #a :by bob");
        assertThat(f.ask(bob, "KICK #a carol")).containsExactly(":bob!bob@10.0.0.1 KICK #a carol bob");
        f.got(alice);
        assertThat(f.ask(alice, "CS AMODE #a -v cat"))
                .containsExactly(CS + " NOTICE alice :cat no longer gets +v in #a");
        assertThat(f.ask(carol, "JOIN #a")).noneMatch(l -> l.contains("MODE"));
    }

    @Test
    void everyChangeOfARegisteredRoomIsKeptAndComesBackAfterARestart() {
        f.logIn(alice, "ann");
        f.ask(alice, "CS REGISTER #a");
        f.ask(alice, "MODE #a +imsk sesame");
        f.ask(alice, "MODE #a +lbeI 5 *!*@10.0.0.66 carol!*@* $a:bea");
        f.ask(alice, "TOPIC #a :before the restart");
        f.ask(alice, "CS AMODE #a +v cat");
        RegisteredRoom kept = rooms.loadAll().getFirst();
        assertThat(kept.flags()).isEqualTo("imnst");
        assertThat(kept.lists()).hasSize(3);
        assertThat(kept.access()).hasSize(1);

        f = new ChatFixture(accounts, rooms);
        Session founder = f.register("alice");
        f.logIn(founder, "ann");
        assertThat(f.ask(founder, "JOIN #a"))
                .containsSubsequence(
                        ":alice!alice@10.0.0.1 JOIN #a",
                        CS + " MODE #a +o alice",
                        ":chatroom.local 332 alice #a :before the restart",
                        ":chatroom.local 333 alice #a alice!alice@10.0.0.1 1795435200");
        assertThat(f.ask(founder, "MODE #a")).first().isEqualTo(":chatroom.local 324 alice #a +imnstkl sesame 5");
        assertThat(f.ask(founder, "MODE #a b"))
                .first()
                .isEqualTo(":chatroom.local 367 alice #a *!*@10.0.0.66 alice!alice@10.0.0.1 1795435200");
        assertThat(f.ask(founder, "MODE #a e")).first().asString().contains(" 348 alice #a carol!*@* ");
        assertThat(f.ask(founder, "MODE #a I")).first().asString().contains(" 346 alice #a $a:bea ");
        assertThat(f.ask(founder, "CS AMODE #a")).contains(CS + " NOTICE alice :+v cat");
        Session bob = loggedIn("bob");
        assertThat(f.ask(bob, "JOIN #a sesame")).first().asString().isEqualTo(":bob!bob@10.0.0.1 JOIN #a");
    }

    @Test
    void theFounderAndOperatorsByTheAccessListSetWhoMayShareFilesAndItIsKept() {
        f.logIn(alice, "ann");
        f.ask(alice, "CS REGISTER #a");
        f.ask(alice, "CS AMODE #a +v cat");
        Session bob = loggedIn("bob");
        Session carol = loggedIn("carol");
        f.ask(bob, "JOIN #a");
        f.ask(alice, "MODE #a +o bob");
        f.got(bob);
        assertThat(f.ask(bob, "CS SET #a UPLOADS everyone"))
                .as("+o in the room is not +o on the access list")
                .containsExactly(
                        CS + " NOTICE bob :Only the founder of #a, its operators by the access list or a server"
                                + " operator may change its settings");
        assertThat(f.ask(carol, "CS SET #a UPLOADS everyone")).hasSize(1);
        assertThat(f.ask(alice, "CS SET #a UPLOADS sometimes"))
                .containsExactly(
                        CS + " NOTICE alice :Usage: SET <#room> UPLOADS default|everyone|registered|voiced|off");
        assertThat(f.ask(alice, "CS SET #a TOPIC x"))
                .hasSize(1)
                .first()
                .asString()
                .contains("Usage: SET");
        assertThat(f.ask(alice, "CS SET #a UPLOADS Everyone"))
                .containsExactly(
                        CS + " NOTICE alice :Files may now be shared in #a by anyone connected (file sharing is"
                                + " off on this server for now)");
        assertThat(rooms.loadAll().getFirst().uploads()).isEqualTo(RoomUploads.EVERYONE);
        f.ask(alice, "CS AMODE #a +o bea");
        assertThat(f.ask(bob, "CS SET #a UPLOADS voiced"))
                .containsExactly(
                        CS + " NOTICE bob :Files may now be shared in #a by operators and voiced members of the"
                                + " room (file sharing is off on this server for now)");
        assertThat(f.ask(carol, "CS INFO #a"))
                .contains(CS + " NOTICE carol :Uploads: voiced (operators and voiced members of the room)");
        Session oper = f.register("dan");
        assertThat(f.ask(oper, "CS SET #a UPLOADS registered"))
                .singleElement()
                .asString()
                .contains("Only the founder");
        java.util.Objects.requireNonNull(oper.user()).oper(true);
        assertThat(f.ask(oper, "CS SET #a UPLOADS registered"))
                .as("a server operator, not in the room and without an account")
                .singleElement()
                .asString()
                .contains("Files may now be shared in #a by people logged in to an account");
        f.ask(oper, "CS SET #a UPLOADS voiced");

        f = new ChatFixture(accounts, rooms);
        assertThat(f.state.room("#a").registration().uploads()).isEqualTo(RoomUploads.VOICED);
        Session ann = f.register("alice");
        f.logIn(ann, "ann");
        f.ask(ann, "CS DROP #a");
        f.ask(ann, "JOIN #a");
        f.ask(ann, "CS REGISTER #a");
        assertThat(f.ask(ann, "CS INFO #a"))
                .as("dropping the registration forgets the setting")
                .contains(CS + " NOTICE alice :Uploads: default (whoever the server's policy allows)");
        assertThat(rooms.loadAll().getFirst().uploads()).isEqualTo(RoomUploads.DEFAULT);
    }

    @Test
    void onlyTheFounderOrAServerOperatorDropsARoomAndThenItIsForgotten() {
        f.logIn(alice, "ann");
        f.ask(alice, "CS REGISTER #a");
        Session bob = loggedIn("bob");
        f.ask(bob, "JOIN #a");
        f.ask(alice, "MODE #a +o bob");
        f.got(bob);
        assertThat(f.ask(bob, "CS DROP #a"))
                .containsExactly(CS + " NOTICE bob :Only the founder of #a or a server operator may drop it");
        f.ask(alice, "PART #a");
        f.ask(bob, "PART #a");
        assertThat(f.state.room("#a")).isNotNull();
        assertThat(f.ask(alice, "CS DROP #a")).containsExactly(CS + " NOTICE alice :#a is no longer registered");
        assertThat(rooms.loadAll()).isEmpty();
        assertThat(f.state.room("#a"))
                .as("an empty room that is no longer registered")
                .isNull();
        assertThat(f.ask(alice, "CS INFO #a")).containsExactly(CS + " NOTICE alice :#a is not registered");
    }

    @Test
    void aSecretRegisteredRoomIsNotShownToOutsiders() {
        f.logIn(alice, "ann");
        f.ask(alice, "CS REGISTER #a");
        f.ask(alice, "MODE #a +s");
        Session bob = loggedIn("bob");
        assertThat(f.ask(bob, "CS INFO #a")).containsExactly(CS + " NOTICE bob :#a is not registered");
        assertThat(f.ask(bob, "CS AMODE #a")).containsExactly(CS + " NOTICE bob :#a is not registered");
        assertThat(f.ask(alice, "CS INFO #a")).hasSize(4);
    }
}
