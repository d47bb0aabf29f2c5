package chatroom.protocol;

/** A channel name as shown and as compared; made by {@link CaseMapping#channel}. */
public record ChannelName(String display, String folded) {
    @Override
    public String toString() {
        return display;
    }
}
