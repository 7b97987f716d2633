package io.ipfsmiddleware.examples.publish;

import io.ipfsmiddleware.core.publish.PublishProgress;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar of the bytes sent to the node, drawn on stderr with me.tongfei:progressbar. */
final class ProgressBars implements PublishProgress {
    private final PrintStream err;
    private ProgressBar bar;

    ProgressBars(PrintStream err) {
        this.err = err;
    }

    @Override
    public void step(String what) {
        if (bar == null) {
            err.println(what);
        }
    }

    @Override
    public void uploadStarted(long totalBytes) {
        bar = new ProgressBarBuilder().setTaskName("ipfs add").setInitialMax(totalBytes)
                .setStyle(ProgressBarStyle.ASCII).setUnit("MiB", 1024 * 1024).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(err)).build();
    }

    @Override
    public void uploaded(long sentBytes) {
        if (bar != null) {
            bar.stepTo(Math.min(sentBytes, bar.getMax()));
        }
    }

    @Override
    public void uploadEnded() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
