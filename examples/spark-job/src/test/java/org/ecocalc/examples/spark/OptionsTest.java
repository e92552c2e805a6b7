package org.ecocalc.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The job's command line, without Spark. */
class OptionsTest {
    @Test
    void readsInputOutputAndOptions() {
        SparkReportJob.Options o = SparkReportJob.Options.parse(new String[] {"in/", "--period", "Day", "out.json",
                "--assets", "a.json", "--lineage-keys", "5"});
        assertThat(o.input).isEqualTo("in/");
        assertThat(o.output).isEqualTo("out.json");
        assertThat(o.period).isEqualTo("Day");
        assertThat(o.assets).isEqualTo("a.json");
        assertThat(o.lineageKeys).isEqualTo(5);
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThatThrownBy(() -> SparkReportJob.Options.parse(new String[] {"in/"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected <input> and <output>");
        assertThatThrownBy(() -> SparkReportJob.Options.parse(new String[] {"in/", "out", "--period", "week"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--period");
        assertThatThrownBy(() -> SparkReportJob.Options.parse(new String[] {"in/", "out", "--factors", "dir"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --factors");
        assertThatThrownBy(() -> SparkReportJob.Options.parse(new String[] {"in/", "out", "--settings", "s.json",
                "--period", "day"})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--settings");
        assertThatThrownBy(() -> SparkReportJob.Options.parse(new String[] {"in/", "out", "--lineage-keys"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
    }
}
