package chatroom.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Telnet (RFC 854/855) on the line ports: IAC sequences never reach the line parser, and a telnet client gets the
 * answers it waits for. IAC never occurs in UTF-8 text, so IRC and netcat clients see no difference: nothing is sent
 * until the peer has sent a telnet command itself. Keeps state across reads.
 *
 * <p>Why answering matters (BSD telnet, as in netkit and GNU inetutils): without the BINARY option the client compares
 * each typed byte, with its 8th bit stripped, against the terminal's control characters. A UTF-8 continuation byte
 * such as 0x9A in 的 (E7 9A 84) matches ^Z: the client drops the byte, sends IAC SUSP and then IAC DO TIMING-MARK,
 * and shows no more server output until the server answers that DO. So this filter:
 *
 * <ul>
 *   <li>answers DO TIMING-MARK with WILL TIMING-MARK (RFC 860), every time;
 *   <li>asks a telnet client for BINARY (IAC DO BINARY, RFC 856) at its first command, after which it sends every
 *       byte as typed; accepts WILL/DO BINARY, refuses every other option (DONT/WONT), and never answers a WONT/DONT
 *       for an option that is already off, so negotiation cannot loop;
 *   <li>puts back the byte a client replaced by IP, BRK, ABORT, SUSP, AO or EOF in the middle of a UTF-8 character
 *       (the default ^C, ^\, ^Z, ^O, ^D with the 8th bit set); the same command between characters is ignored;
 *   <li>reads CR NUL (a telnet client's Return in character mode) as the end of a line, once the peer is known to
 *       speak telnet.
 * </ul>
 *
 * Replies are written straight back from this stage and flushed at the end of each read.
 */
final class TelnetNegotiationFilter extends ByteToMessageDecoder {
    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int AO = 245;
    static final int IP = 244;
    static final int BRK = 243;
    static final int SE = 240;
    static final int ABORT = 238;
    static final int SUSP = 237;
    static final int EOF = 236;
    static final int BINARY = 0;
    static final int TIMING_MARK = 6;

    private enum State {
        DATA,
        COMMAND,
        OPTION,
        SUBNEGOTIATION,
        SUB_IAC
    }

    private State state = State.DATA;
    private int verb;
    /** The peer has sent a telnet command: it is a telnet client. */
    private boolean telnet;
    /** We sent DO BINARY and have no answer yet. */
    private boolean binaryAsked;
    /** The client sends binary (it said WILL BINARY). */
    private boolean clientBinary;
    /** We agreed to send binary (we said WILL BINARY). */
    private boolean serverBinary;
    /** UTF-8 continuation bytes the data still owes the current character. */
    private int continuation;

    private boolean afterCr;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.DATA
                && !afterCr
                && in.indexOf(in.readerIndex(), in.writerIndex(), (byte) IAC) < 0
                && (!telnet || in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\r') < 0)) {
            trackUtf8(in, in.readerIndex(), in.writerIndex());
            out.add(in.readRetainedSlice(in.readableBytes()));
            return;
        }
        ByteBuf clean = ctx.alloc().buffer(in.readableBytes());
        ByteBuf replies = ctx.alloc().buffer(0);
        while (in.isReadable()) {
            step(in.readUnsignedByte(), clean, replies);
        }
        if (replies.isReadable()) {
            ctx.writeAndFlush(replies, ctx.voidPromise());
        } else {
            replies.release();
        }
        if (clean.isReadable()) {
            out.add(clean);
        } else {
            clean.release();
        }
    }

    private void step(int b, ByteBuf clean, ByteBuf replies) {
        switch (state) {
            case DATA -> {
                if (b == IAC) {
                    state = State.COMMAND;
                } else {
                    data(b, clean);
                }
            }
            case COMMAND -> command(b, clean, replies);
            case OPTION -> {
                negotiate(verb, b, replies);
                state = State.DATA;
            }
            case SUBNEGOTIATION -> state = b == IAC ? State.SUB_IAC : State.SUBNEGOTIATION;
            case SUB_IAC -> state = b == SE ? State.DATA : State.SUBNEGOTIATION;
        }
    }

    private void data(int b, ByteBuf clean) {
        if (afterCr && b == 0 && telnet) {
            clean.writeByte('\n'); // RFC 854: CR NUL is a bare CR; a person at a telnet prompt pressed Return
            afterCr = false;
            return;
        }
        afterCr = b == '\r';
        clean.writeByte(b);
        continuation = nextContinuation(continuation, b);
    }

    private void command(int b, ByteBuf clean, ByteBuf replies) {
        state = State.DATA;
        if (b == IAC) {
            data(IAC, clean); // an escaped 255: data, and never UTF-8, so the line is refused as such
            return;
        }
        if (b < EOF) {
            // not a telnet command: keep both bytes, UTF-8 checking judges them
            data(IAC, clean);
            data(b, clean);
            return;
        }
        if (!telnet) {
            telnet = true;
            binaryAsked = true;
            reply(replies, DO, BINARY);
        }
        switch (b) {
            case WILL, WONT, DO, DONT -> {
                verb = b;
                state = State.OPTION;
            }
            case SB -> state = State.SUBNEGOTIATION;
            default -> {
                int stripped = strippedControl(b);
                if (continuation > 0 && stripped >= 0) {
                    data(0x80 | stripped, clean);
                }
            }
        }
    }

    /** The control character (default termios) for which a non-binary BSD telnet sends this command, or -1. */
    private static int strippedControl(int command) {
        return switch (command) {
            case IP -> 0x03; // ^C: intr
            case BRK, ABORT -> 0x1c; // ^\: quit (BRK in the client's old line mode, ABORT in LINEMODE)
            case SUSP -> 0x1a; // ^Z: susp
            case AO -> 0x0f; // ^O: discard
            case EOF -> 0x04; // ^D: eof (only in LINEMODE)
            default -> -1;
        };
    }

    private void negotiate(int verb, int option, ByteBuf replies) {
        switch (verb) {
            case WILL -> {
                if (option != BINARY) {
                    reply(replies, DONT, option);
                } else if (!clientBinary) {
                    clientBinary = true;
                    if (!binaryAsked) {
                        reply(replies, DO, BINARY);
                    }
                    binaryAsked = false;
                }
            }
            case WONT -> {
                if (option == BINARY && clientBinary) {
                    clientBinary = false;
                    reply(replies, DONT, BINARY);
                } else if (option == BINARY) {
                    binaryAsked = false; // a refusal of our DO: nothing to answer
                }
            }
            case DO -> {
                if (option == TIMING_MARK) {
                    reply(replies, WILL, TIMING_MARK); // RFC 860: every data byte before this one is processed
                } else if (option != BINARY) {
                    reply(replies, WONT, option);
                } else if (!serverBinary) {
                    serverBinary = true; // what we send is UTF-8 already
                    reply(replies, WILL, BINARY);
                }
            }
            case DONT -> {
                if (option == BINARY && serverBinary) {
                    serverBinary = false;
                    reply(replies, WONT, BINARY);
                }
            }
            default -> throw new IllegalStateException("not an option verb: " + verb);
        }
    }

    private static void reply(ByteBuf replies, int verb, int option) {
        replies.writeByte(IAC).writeByte(verb).writeByte(option);
    }

    /**
     * The state after a read without telnet commands. Only the last lead byte and the continuation bytes after it
     * count, so this looks at no more than four bytes from the end, whatever the read's size.
     */
    private void trackUtf8(ByteBuf in, int from, int to) {
        afterCr = false;
        int followers = 0;
        for (int i = to - 1; i >= from; i--) {
            int b = in.getUnsignedByte(i);
            if ((b & 0xc0) != 0x80) {
                continuation = Math.max(0, nextContinuation(0, b) - followers);
                return;
            }
            if (++followers > 3) {
                continuation = 0;
                return;
            }
        }
        continuation = Math.max(0, continuation - followers);
    }

    private static int nextContinuation(int owed, int b) {
        if (owed > 0 && (b & 0xc0) == 0x80) {
            return owed - 1;
        }
        if (b >= 0xc2 && b <= 0xdf) {
            return 1;
        }
        if (b >= 0xe0 && b <= 0xef) {
            return 2;
        }
        if (b >= 0xf0 && b <= 0xf4) {
            return 3;
        }
        return 0;
    }
}
