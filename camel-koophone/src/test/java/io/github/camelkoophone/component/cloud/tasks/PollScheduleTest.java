package io.github.camelkoophone.component.cloud.tasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule as numbers: how often a task is asked about at each age, and how late its end can be seen. */
class PollScheduleTest {

    private static final long DELAY = 2_000;
    private static final long MAX = 30_000;

    /** Ages (ms after registration) at which a task is asked about until one is at or past {@code end}. */
    private static int checksUntil(PollSchedule schedule, long end, long[] seenAt) {
        long at = schedule.first("op", 0, true);
        int checks = 0;
        while (true) {
            at = Math.max(at, DELAY); // the first poll after registration
            checks++;
            if (at >= end) {
                seenAt[0] = at;
                return checks;
            }
            at = schedule.next(0, at);
        }
    }

    @Test
    void aYoungTaskIsAskedAboutEveryDelayAnOlderOneAtATenthOfItsAgeUpToTheMaximum() {
        PollSchedule schedule = new PollSchedule(DELAY, MAX);
        assertThat(schedule.next(0, 4_000)).isEqualTo(6_000);
        assertThat(schedule.next(0, 20_000)).isEqualTo(22_000);
        // a tenth of the age less a delay: the first poll after the due time may be a delay later
        assertThat(schedule.next(0, 40_000)).isEqualTo(42_000);
        assertThat(schedule.next(0, 100_000)).isEqualTo(108_000);
        assertThat(schedule.next(0, 1_000_000)).isEqualTo(1_028_000);
    }

    @Test
    void aFiveMinuteTaskCosts48ChecksInsteadOf150AndIsSeenWithinATenthOfItsDuration() {
        PollSchedule adaptive = new PollSchedule(DELAY, MAX);
        PollSchedule fixed = new PollSchedule(DELAY, DELAY);
        long[] seen = new long[1];
        int adaptiveChecks = checksUntil(adaptive, 300_000, seen);
        int fixedChecks = checksUntil(fixed, 300_000, new long[1]);

        assertThat(fixedChecks).isEqualTo(150);
        // every delay up to 40 s (20), then each a tenth of its age less a delay after the one before
        assertThat(adaptiveChecks).isEqualTo(48);
        assertThat(seen[0] - 300_000).isLessThanOrEqualTo(30_000);
    }

    @Test
    void whateverTheEndTheLagIsAtMostTheDelayOrATenthOfTheDurationCappedByTheMaximum() {
        PollSchedule schedule = new PollSchedule(DELAY, MAX);
        for (long end = 1; end <= 3_600_000; end += 997) {
            long[] seen = new long[1];
            checksUntil(schedule, end, seen);
            long bound = Math.max(DELAY, Math.min(MAX, end / 10));
            assertThat(seen[0] - end).as("lag of a task ending at %d ms", end).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void atMostTheDelayAsMaximumEveryTaskIsAskedAboutAtEveryPollAndNothingIsLearnt() {
        PollSchedule schedule = new PollSchedule(DELAY, 1_000);
        assertThat(schedule.next(0, 1_000_000)).isEqualTo(1_002_000);
        schedule.learn("op", 60_000);
        assertThat(schedule.explores("op")).isTrue();
        assertThat(schedule.first("op", 5_000, false)).isEqualTo(5_000);
    }

    @Test
    void afterEnoughTasksOfAnOperationWereSeenEndingMostNewOnesAreFirstAskedAboutShortlyBeforeTheSoonestEnd() {
        PollSchedule schedule = new PollSchedule(DELAY, MAX);
        schedule.learn("reset", 60_000);
        for (int i = 1; i < PollSchedule.KNOWN; i++) {
            assertThat(schedule.explores("reset")).as("%d ends known", i).isTrue();
            assertThat(schedule.first("reset", 1_000, true)).as("an explorer, at half the soonest")
                    .isEqualTo(1_000 + 30_000 - DELAY);
            schedule.learn("reset", 70_000 + i * 1_000);
        }

        int explorers = 0;
        for (int i = 0; i < 100; i++) {
            explorers += schedule.explores("reset") ? 1 : 0;
        }
        assertThat(explorers).isEqualTo(100 / PollSchedule.EXPLORE_EVERY);
        // 0.8 of the soonest recent end, less a delay: the poll after it still comes before that end
        assertThat(schedule.first("reset", 1_000, false)).isEqualTo(1_000 + 48_000 - DELAY);
        // an explorer at half of it
        assertThat(schedule.first("reset", 1_000, true)).isEqualTo(1_000 + 30_000 - DELAY);
        assertThat(schedule.first("other", 1_000, false)).isEqualTo(1_000);
        assertThat(schedule.first("other", 1_000, true)).isEqualTo(1_000);
    }

    @Test
    void theSoonestOfTheRecentEndsCountsSoAFasterFleetIsLearntFromItsExplorersInHalvingSteps() {
        PollSchedule schedule = new PollSchedule(DELAY, MAX);
        schedule.learn("reset", 60_000);
        for (int i = 0; i < PollSchedule.RECENT; i++) {
            schedule.learn("reset", 120_000); // the 60 s end is no longer among the recent ones
        }
        assertThat(schedule.first("reset", 0, false)).isEqualTo(96_000 - DELAY);
        // an explorer first asked at 60 s sees the job ended: the fleet is faster
        assertThat(schedule.first("reset", 0, true)).isEqualTo(60_000 - DELAY);
        schedule.learn("reset", 60_000);
        assertThat(schedule.first("reset", 0, false)).isEqualTo(48_000 - DELAY);
        assertThat(schedule.first("reset", 0, true)).isEqualTo(30_000 - DELAY);
        schedule.learn("reset", 10_000);
        assertThat(schedule.first("reset", 0, false)).isEqualTo(8_000 - DELAY);
    }

    @Test
    void aTaskIsDueInThePollThatStartsUpToHalfADelayBeforeItsTime() {
        PollSchedule schedule = new PollSchedule(DELAY, MAX);
        assertThat(schedule.due(10_000, 9_000)).isTrue();
        assertThat(schedule.due(10_000, 8_999)).isFalse();
    }
}
