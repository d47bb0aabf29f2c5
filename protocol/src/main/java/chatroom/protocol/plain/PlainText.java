package chatroom.protocol.plain;

import java.util.List;
import java.util.Map;

/** The plain protocol's fixed sentences in English and Simplified Chinese. */
final class PlainText {
    enum Lang {
        EN,
        ZH
    }

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("greeting", new String[] {
                "Welcome to chatroom. Type: login NAME   (help for all commands; lang zh for Chinese)",
                "欢迎来到 chatroom。请输入：login 名字   （help 查看命令；lang en 切换英文）"
            }),
            Map.entry("welcome", new String[] {"Welcome, %s! Type help for commands.", "欢迎，%s！输入 help 查看命令。"}),
            Map.entry("loginFirst", new String[] {"Please log in first: login NAME", "请先登录：login 名字"}),
            Map.entry("giveName", new String[] {"Please give a name: login NAME", "请提供名字：login 名字"}),
            Map.entry("giveNameAndPassword", new String[] {
                "Please give a name and a password: register NAME PASSWORD", "请提供名字和密码：register 名字 密码"
            }),
            Map.entry("nameRegistered", new String[] {
                "The name %s is registered; log in with: login %s PASSWORD", "名字 %s 已注册；请用：login %s 密码 登录"
            }),
            Map.entry("loggedIn", new String[] {"You are logged in to the account %s", "你已登录账号 %s"}),
            Map.entry("badPassword", new String[] {"Wrong name or password", "名字或密码错误"}),
            Map.entry(
                    "registered",
                    new String[] {"Account %s created; next time: login %s PASSWORD", "账号 %s 已创建；下次请用：login %s 密码"}),
            Map.entry(
                    "passwordChanged",
                    new String[] {"Your password is changed; log in with the new one next time", "密码已修改；下次请用新密码登录"}),
            Map.entry("notLoggedIn", new String[] {
                "Only an account's owner can change its password: login NAME PASSWORD first",
                "只有账号的主人才能修改密码：请先 login 名字 密码"
            }),
            Map.entry("weakPassword", new String[] {"Passwords must have at least %s characters", "密码至少需要 %s 个字符"}),
            Map.entry("alreadyIn", new String[] {"You are already logged in as %s.", "你已经以 %s 的身份登录。"}),
            Map.entry("notHttp", new String[] {"This is a chat server, not an HTTP server", "这是聊天服务器，不是 HTTP 服务器"}),
            Map.entry("usage", new String[] {"Usage: %s", "用法：%s"}),
            Map.entry(
                    "badCharacters",
                    new String[] {"Lines may not contain NUL or a carriage return in the middle", "一行中间不能含有 NUL 或回车符"}),
            Map.entry("notUtf8", new String[] {
                "Your line was not UTF-8 and was not sent; please type it again. In telnet, connect with a dash before"
                        + " the port to avoid this: telnet -- HOST -PORT",
                "你的这一行不是 UTF-8，没有发出；请重新输入。使用 telnet 时，在端口号前加减号连接可避免此问题：telnet -- 主机 -端口"
            }),
            Map.entry("noRoom", new String[] {"You are not in a room; join one: join ROOM", "你不在任何房间；请加入：join 房间"}),
            Map.entry(
                    "nameTaken",
                    new String[] {"The name %s is taken; choose another: login NAME", "名字 %s 已被占用；请换一个：login 名字"}),
            Map.entry("nameBad", new String[] {"That name is not allowed: %s", "这个名字不允许：%s"}),
            Map.entry("noSuch", new String[] {"No such user or room: %s", "没有这个用户或房间：%s"}),
            Map.entry("notIn", new String[] {"You are not in %s", "你不在 %s 中"}),
            Map.entry("cannotSend", new String[] {"You cannot speak in %s right now", "你现在不能在 %s 发言"}),
            Map.entry("needOp", new String[] {"Only the room's operators can do that in %s", "只有 %s 的管理员可以这样做"}),
            Map.entry("cannotJoin", new String[] {"You cannot join %s: %s", "你不能加入 %s：%s"}),
            Map.entry("historyStart", new String[] {"History of %s:", "%s 的历史记录："}),
            Map.entry("historyEnd", new String[] {"End of history of %s (%d lines)", "%s 的历史记录结束（%d 条）"}),
            Map.entry("lang", new String[] {"Language: English", "语言：简体中文"}));

    static final List<String[]> HELP = List.of(
            new String[] {"login NAME [PASSWORD]", "log in with a name (and its password)", "用名字（和密码）登录"},
            new String[] {"register NAME PASSWORD", "log in and keep the name as your account", "登录并注册账号"},
            new String[] {"say TEXT  (or just TEXT)", "speak in your current room", "在当前房间发言"},
            new String[] {"look", "who is in your current room", "查看当前房间里的人"},
            new String[] {"list users | list rooms | rooms", "everyone online / every room", "在线用户 / 所有房间"},
            new String[] {"join ROOM | leave [ROOM]", "enter or leave a room", "进入或离开房间"},
            new String[] {"create room ROOM alice,bob", "create a room with members", "创建房间并加入成员"},
            new String[] {"send ROOM TEXT", "speak in another room", "在另一个房间发言"},
            new String[] {"@bob TEXT | send message alice,bob TEXT", "whisper to one or several", "私聊一人或多人"},
            new String[] {"history [ROOM|NAME] [N]", "the last N lines of a room or whisper", "房间或私聊的最近 N 条消息"},
            new String[] {"password NEW", "change your account's password", "修改账号密码"},
            new String[] {"nick NEW | topic TEXT | away [TEXT]", "rename, set topic, mark away", "改名、设置主题、标记离开"},
            new String[] {"lang en | lang zh", "English / 中文", "English / 中文"},
            new String[] {"logout", "leave the chat", "退出聊天"});

    private PlainText() {}

    static String get(Lang lang, String key, Object... args) {
        String[] t = TEXT.get(key);
        if (t == null) {
            return key;
        }
        String s = t[lang == Lang.ZH ? 1 : 0];
        return args.length == 0 ? s : String.format(java.util.Locale.ROOT, s, args);
    }
}
