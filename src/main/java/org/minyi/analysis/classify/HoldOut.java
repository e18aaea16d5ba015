package org.minyi.analysis.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A seeded split of a data set into training and held-out rows, the same on every run with the same seed. */
public record HoldOut(double fraction, long seed) {

    public HoldOut {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be between 0 and 1, got " + fraction);
        }
    }

    /** Which rows are held out: a seeded shuffle of the row numbers, the first {@code fraction} of it. */
    public boolean[] heldOut(int size) {
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        boolean[] held = new boolean[size];
        int count = (int) Math.round(size * fraction);
        for (int i = 0; i < count; i++) {
            held[order.get(i)] = true;
        }
        return held;
    }

    public <T> List<T> training(List<T> rows) {
        return pick(rows, false);
    }

    public <T> List<T> test(List<T> rows) {
        return pick(rows, true);
    }

    private <T> List<T> pick(List<T> rows, boolean wanted) {
        boolean[] held = heldOut(rows.size());
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (held[i] == wanted) {
                picked.add(rows.get(i));
            }
        }
        return picked;
    }
}
