package jipan.cli;

/** A one-line progress bar on the terminal: {@code [#####     ] 52% 10,400 of 20,000}. */
public final class Progress {
    private static final int WIDTH = 30;
    private final long total;
    private int lastPercent = -1;

    public Progress(long total) {
        this.total = total;
    }

    public void update(long done) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent != lastPercent) {
            lastPercent = percent;
            int filled = percent * WIDTH / 100;
            System.out.printf("\r[%s%s] %3d%% %,d of %,d", "#".repeat(filled), " ".repeat(WIDTH - filled), percent,
                    done, total);
            System.out.flush();
        }
    }

    public void finish() {
        System.out.println();
    }
}
