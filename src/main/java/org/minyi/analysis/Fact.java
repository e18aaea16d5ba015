package org.minyi.analysis;

import java.util.Objects;

/**
 * The name and type of one thing the pipeline learns about a message (its masked text, its terms, its topic…).
 * Steps declare the facts they read and add; {@link AnalysisPipeline} checks at assembly that every fact a step
 * reads is added by an earlier one. Identity is by name.
 *
 * @param <T> the type of the value
 */
public final class Fact<T> {

    private final String name;
    private final Class<?> type;

    private Fact(String name, Class<?> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** A fact holding values of {@code type}; generic types (lists) use their raw class. */
    public static <T> Fact<T> of(String name, Class<? super T> type) {
        return new Fact<>(name, type);
    }

    public String name() {
        return name;
    }

    T cast(Object value) {
        if (value != null && !type.isInstance(value)) {
            throw new ClassCastException("fact " + name + " holds " + type.getSimpleName() + ", not "
                    + value.getClass().getSimpleName());
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fact<?> other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
