package chatroom.protocol;

/** A nickname as shown ({@code display}) and as compared ({@code folded}); made by {@link CaseMapping#nick}. */
public record Nick(String display, String folded) {
    @Override
    public String toString() {
        return display;
    }
}
