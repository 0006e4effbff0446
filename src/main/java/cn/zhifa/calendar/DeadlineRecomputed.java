package cn.zhifa.calendar;

import java.time.Instant;

/**
 * Published (synchronously, inside the recomputation's transaction) when a deadline variable of a
 * process instance was recomputed because a missing year's calendar arrived: a module that keeps the
 * same deadline in its own table (legal reviews, transfers) moves it too, where it still holds
 * {@code before}.
 */
public record DeadlineRecomputed(String processInstanceId, String variable, Instant before, Instant after) {
}
