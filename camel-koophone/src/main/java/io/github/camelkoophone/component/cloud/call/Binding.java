package io.github.camelkoophone.component.koophone.api;

/** One row of an operation's input table: which request field an {@link Input} fills. */
public record Binding(Input input, String field) {
}
