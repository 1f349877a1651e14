package io.mesosevents.replay.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void rateIsAMovingAverageAndEtaTheRestAtThatRate() {
        ProgressMeter meter = new ProgressMeter(1_000_000, 0);
        meter.add(20_000);
        ProgressMeter.Sample first = meter.sample(SECOND);
        meter.add(20_000);
        ProgressMeter.Sample second = meter.sample(2 * SECOND);

        assertThat(first.rate()).isEqualTo(20_000.0);
        assertThat(second.rate()).isEqualTo(20_000.0);
        assertThat(second.etaSeconds()).isEqualTo(48);   // 960,000 left at 20,000/s
        assertThat(second.percent()).isEqualTo(4);
        meter.add(0);
        ProgressMeter.Sample stalled = meter.sample(3 * SECOND);
        assertThat(stalled.rate()).isLessThan(20_000).isGreaterThan(10_000);   // falls off smoothly, not to zero at once
    }

    @Test
    void theBarShowsCountsRateAndEtaInTheTerminalsWidth() {
        ProgressMeter.Sample sample = new ProgressMeter.Sample(612_340, 1_000_000, 18_420, 21, 0);

        String line = TerminalProgress.line("export", sample, 120);

        assertThat(line).startsWith("export  [##############..........]  61%  612,340 / 1,000,000 records  18,420 rec/s  ETA 0:21")
                .hasSize(119);
        assertThat(TerminalProgress.line("export", sample, 40)).hasSize(39);
        assertThat(LogProgress.line("replay export", sample))
                .isEqualTo("replay export: 612340/1000000 records (61%), 18420 records/s, eta 21 s");
    }

    @Test
    void closingTheBarEndsTheLineWithASummary() {
        StringWriter written = new StringWriter();
        TerminalProgress bar = new TerminalProgress("export", 10, new PrintWriter(written, true), 80);
        bar.advance(10);
        bar.close();
        bar.close();

        String text = written.toString();
        assertThat(text).contains("100%  10 / 10 records").containsOnlyOnce("export: 10 records in 0:00 (");
    }

    @Test
    void noConsoleOrADumbTerminalIsNoTerminal() {
        assertThat(Terminals.isTerminal(null, Map.of())).isFalse();
    }
}
