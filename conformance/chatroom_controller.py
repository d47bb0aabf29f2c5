"""irctest controller for chatroom: a fresh server per test, like irctest's own controllers.

Loaded by irctest as ``--controller chatroom_controller`` with this directory on PYTHONPATH
(see run-irctest.sh). This file is ours; irctest itself is never copied into the repository.
"""

import atexit
import os
import shutil
import subprocess
from pathlib import Path
from typing import Optional, Set, Type

from irctest.basecontrollers import BaseServerController, DirectoryBasedController
from irctest.runner import NotImplementedByController

REPO = Path(__file__).resolve().parent.parent
# irctest's operator tests log in as "operuser" / "operpassword"; this is that password's bcrypt hash
# (made with: echo operpassword | ./chatroom hash-password)
OPER_HASH = "$2a$12$GK1TnNY2IK30ErsbWX.QL.hIaXEuwYfd5uAm8/Q32igJcPWkEIcRa"


def _java() -> str:
    explicit = os.environ.get("CHATROOM_JAVA")
    if explicit:
        return explicit
    # run-irctest.sh exports JAVA_HOME from .ci/find-jdk.sh (a JDK >= 21)
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    return shutil.which("java") or "java"


class ChatroomController(BaseServerController, DirectoryBasedController):
    software_name = "chatroom"
    supported_sasl_mechanisms: Set[str] = {"PLAIN", "SCRAM-SHA-256"}
    supports_sts = False

    def run(
        self,
        hostname: str,
        port: int,
        *,
        password: Optional[str],
        ssl: bool,
        run_services: bool,
        faketime: Optional[str],
        websocket_hostname: Optional[str],
        websocket_port: Optional[int],
    ) -> None:
        if ssl:
            raise NotImplementedByController("TLS")
        # run_services: chatroom has no separate services; tests that need accounts call registerUser,
        # which irctest turns into a skip ("account registration") until accounts exist
        # websocket tests connect to ws://websocket_hostname:websocket_port/ (chatroom's HTTP port accepts IRC
        # WebSocket upgrades at / as well as /irc); the HTTP port is off otherwise
        if websocket_hostname is not None and websocket_hostname != hostname:
            raise NotImplementedByController("Websocket on another address than IRC")
        http_port = -1 if websocket_port is None else websocket_port
        # the websocket tests send from one connection and at once read on another, synchronising with a PING on the
        # reader only; chatroom delivers a message after its commit (a few ms), so the reader's PONG can come first.
        # irctest's knob for servers whose delivery is not immediate (Sable sets 0.1 s as well):
        self.sync_sleep_time = 0.0 if websocket_port is None else 0.1
        assert self.proc is None
        self.port = port
        self.hostname = hostname
        self.create_config()
        assert self.directory
        jar = os.environ.get("CHATROOM_JAR", str(REPO / "server" / "target" / "chatroom.jar"))
        args = [
            _java(),
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-jar",
            jar,
            "server",
            "--bind",
            hostname,
            "--irc-port",
            str(port),
            "--plain-port",
            "-1",
            "--irc-tls-port",
            "-1",
            "--http-port",
            str(http_port),
            "--data-dir",
            str(self.directory),
            "--server-name",
            "My.Little.Server",
            # irctest floods on purpose and connects many clients from one address
            "--flood-rate",
            "0",
            "--max-connections-per-ip",
            "0",
            "--connects-per-ip-per-minute",
            "0",
            # some irctest cases keep an unregistered connection open for a long while
            "--registration-timeout",
            "PT10M",
            "--oper",
            "operuser:" + OPER_HASH,
            # irctest expects a registered nick to be refused at once (as Ergo's strict nick enforcement does)
            "--nick-grace",
            "PT0S",
        ]
        # irctest registers accounts with short passwords; its test cases say how registration is configured
        args += ["--min-password-length", "1"]
        config = self.test_config
        args += [
            "--account-registration",
            "before-connect" if config.account_registration_before_connect else "after-connect",
        ]
        if config.account_registration_requires_email:
            args += ["--registration-needs-email"]
        if password is not None:
            args += ["--server-password", password]
        self.proc = self.execute(args)
        # some irctest cases skip in setUp after the server started, so tearDown never kills it
        atexit.register(self.proc.kill)
        self.wait_for_port()

    def registerUser(self, case, username: str, password: Optional[str] = None) -> None:  # type: ignore
        # accounts are registered through NickServ on a throwaway connection, as a classic client would;
        # a password too long for one IRC line goes through the operator's `chatroom add-account` instead
        assert password, "chatroom accounts need a password"
        if len(password.encode()) > 400:
            assert self.directory
            jar = os.environ.get("CHATROOM_JAR", str(REPO / "server" / "target" / "chatroom.jar"))
            subprocess.run(
                [_java(), "-jar", jar, "add-account", username, "--data-dir", str(self.directory)],
                input=(password + "\n").encode(),
                check=True,
                capture_output=True,
            )
            return
        client = case.addClient(show_io=False)
        case.sendLine(client, "NICK " + username)
        case.sendLine(client, "USER r e g :user")
        while case.getRegistrationMessage(client).command != "001":
            pass
        case.getMessages(client)
        case.sendLine(client, "PRIVMSG NickServ :REGISTER " + password)
        while True:
            msg = case.getMessage(client)
            if msg.command == "NOTICE":
                assert msg.params == [username, "Account created"], msg
                break
        case.sendLine(client, "QUIT")
        case.assertDisconnected(client)

    def wait_for_services(self) -> None:
        # no separate services process to wait for
        pass


def get_irctest_controller_class() -> Type[ChatroomController]:
    return ChatroomController
