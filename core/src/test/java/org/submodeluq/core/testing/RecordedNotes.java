package org.submodeluq.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.submodeluq.core.progress.CampaignProgress;

/** Keeps the notes a campaign makes, for tests that check what it says. */
public final class RecordedNotes implements CampaignProgress {

    private final List<String> lines = new ArrayList<>();

    @Override
    public void sampleDone(long done, long total) {
    }

    @Override
    public synchronized void note(String message) {
        lines.add(message);
    }

    /** The notes so far, in order. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
